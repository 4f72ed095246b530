// A chart below the fold is drawn when it comes near the screen, not with the page: the largest patient's
// dashboard has dozens of cards, and drawing every one before the first paint was most of its wait (issue 21).
// Once drawn a chart stays drawn. Printing draws them all, since paper has no fold.
import { useEffect, useState, type RefObject } from 'react';

/** How far outside the screen a chart is drawn ahead, so a scroll or a Tab rarely meets an empty frame. */
const AHEAD = '200px 0px';

/** True once the element has been within AHEAD of the screen, or the page is being printed. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: AHEAD });
    observer.observe(element);
    const print = () => setSeen(true);
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [ref, seen]);
  return seen;
}
