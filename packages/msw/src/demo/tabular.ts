import { modelError } from "../handlers/ModelContainerError";
import type { ModelFn } from "../handlers/modelTypes";

/** The prediction for one row: the logistic of the mean of its features, to 6 decimals. */
export function predictRow(features: readonly number[]): number {
  const mean = features.reduce((sum, x) => sum + x, 0) / features.length;
  return Math.round((1 / (1 + Math.exp(-mean))) * 1e6) / 1e6;
}

/**
 * CSV rows of numbers (no header) in, one prediction per line out (`text/csv`), as a
 * scikit-learn or XGBoost container answers.
 */
export const tabularModel: ModelFn = (request) => {
  const type = request.contentType?.split(";")[0]?.trim();
  if (type !== undefined && type !== "text/csv") {
    throw modelError(415, `Content type ${type} is not supported by this model; use text/csv.`);
  }
  const rows = request
    .text()
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (rows.length === 0) throw modelError(400, "Expected at least one CSV row.");
  const predictions = rows.map((row) => {
    const features = row.split(",").map((cell) => {
      const value = Number(cell.trim());
      if (cell.trim() === "" || Number.isNaN(value)) {
        throw modelError(400, `could not convert string to float: '${cell.trim()}'`);
      }
      return value;
    });
    return String(predictRow(features));
  });
  return { body: `${predictions.join("\n")}\n`, contentType: "text/csv" };
};
