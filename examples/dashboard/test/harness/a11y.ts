import type { Page } from "playwright-core";

/** Form controls and buttons with no accessible name (described by a selector-ish string). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element) => {
      const labelled = el.getAttribute("aria-labelledby");
      if (labelled?.split(" ").some((id) => document.getElementById(id)?.textContent?.trim()))
        return true;
      if (el.getAttribute("aria-label")?.trim()) return true;
      if ("labels" in el) {
        const labels = (el as HTMLInputElement).labels;
        if (labels && Array.from(labels).some((l) => l.textContent?.trim())) return true;
      }
      return el.tagName === "BUTTON" && Boolean(el.textContent?.trim());
    };
    return Array.from(document.querySelectorAll("input, select, textarea, button"))
      .filter((el) => !named(el))
      .map((el) => `${el.tagName.toLowerCase()}#${el.id || "?"}.${el.className}`);
  });
}

/**
 * Text whose contrast with what is behind it is under WCAG AA (4.5:1; 3:1 for large text), for
 * the visible HTML elements that hold text directly (the chart's SVG aside).
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (color: string) => {
      const m = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return { r: m[0] ?? 0, g: m[1] ?? 0, b: m[2] ?? 0, a: m[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null) => {
      for (let at = el; at; at = at.parentElement) {
        const bg = parse(getComputedStyle(at).backgroundColor);
        if (bg.a > 0.5) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const failures: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (el.closest("svg, [hidden], .visually-hidden")) continue;
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent?.trim())
        .join("");
      if (!text || !(el as HTMLElement).offsetParent) continue;
      const style = getComputedStyle(el);
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${text.slice(0, 30)} (${ratio.toFixed(2)}:1)`);
    }
    return failures;
  });
}

/** Presses Tab from the top of the page until the focused element is the button named `name`. */
export async function tabTo(page: Page, name: string, maxPresses = 40): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === "BUTTON" ? el.textContent?.trim() : undefined;
    });
    if (focused === name) return presses;
  }
  throw new Error(`"${name}" was not reached in ${maxPresses} presses of Tab`);
}

/** Whether the page scrolls sideways (it must not on a phone). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}
