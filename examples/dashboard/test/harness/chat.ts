import type { Locator, Page } from "playwright-core";
import { shown } from "./dashboard";

/** The chat tab, on the container family given. */
export async function openChat(page: Page, container?: string): Promise<void> {
  await page.getByRole("tab", { name: "Chat (stream)" }).click();
  if (container) await page.getByLabel("Container family").selectOption(container);
}

/** The answers in the transcript, oldest first. */
export const answers = (page: Page): Locator => page.locator("li.message.assistant");

/** Sends a message and waits until the answer to it has ended, however it ended. */
export async function sendMessage(page: Page, text: string): Promise<Locator> {
  const before = await answers(page).count();
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
  return answerEnded(page, before + 1);
}

/** Waits until the transcript holds `count` answers and none is streaming; gives the last. */
export async function answerEnded(page: Page, count: number): Promise<Locator> {
  await page.waitForFunction(
    (n) => {
      const all = document.querySelectorAll("li.message.assistant");
      return all.length >= n && !document.querySelector('li.message[data-status="streaming"]');
    },
    count,
    { timeout: 20_000 },
  );
  return answers(page).last();
}

/** The answer's text, its tool cards and meta line aside. */
export async function answerText(answer: Locator): Promise<string> {
  const texts = await answer.locator(".answer").allInnerTexts();
  return texts.join("");
}

/**
 * Starts recording what the newest answer shows at every change of the chat panel, to see
 * tokens arrive before the stream ends. Read it with `seenAnswers`.
 */
export function recordAnswers(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: { status: string | null; text: string }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    const panel = document.getElementById("panel-chat") as HTMLElement;
    new MutationObserver(() => {
      const answer = panel.querySelector("li.message.assistant:last-of-type");
      if (answer) {
        seen.push({
          status: answer.getAttribute("data-status"),
          text: Array.from(answer.querySelectorAll(".answer"))
            .map((a) => a.textContent)
            .join(""),
        });
      }
    }).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function seenAnswers(page: Page): Promise<{ status: string | null; text: string }[]> {
  return page.evaluate(
    () => (window as unknown as { seen: { status: string | null; text: string }[] }).seen,
  );
}

/** The meta line's fact of a kind: `ttft`, `usage`, `stopped`. */
export const fact = (answer: Locator, kind: string) => shown(answer.locator(`.meta .${kind}`));
