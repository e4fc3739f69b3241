import { type RefObject, useLayoutEffect, useRef } from "react";

/** How close to the bottom (px) counts as reading the newest message. */
const NEAR_BOTTOM = 32;

/**
 * Keeps a scrolling list at its newest item: a new exchange always scrolls it into view, and
 * an answer growing token by token keeps it there, unless the reader has scrolled up to read
 * older messages. Returns the `onScroll` handler for the list.
 */
export function useFollowNewest(
  list: RefObject<HTMLElement | null>,
  exchanges: number,
): () => void {
  const following = useRef(true);
  const seen = useRef(exchanges);
  // After every render: the content may have grown.
  useLayoutEffect(() => {
    if (exchanges !== seen.current) {
      seen.current = exchanges;
      following.current = true;
    }
    const element = list.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  });
  return () => {
    const element = list.current;
    if (!element) return;
    following.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM;
  };
}
