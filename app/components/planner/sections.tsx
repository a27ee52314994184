"use client";
// The planner's sections (posts, summary, need, First Contact, supervision, projection, workforce,
// cash flow, shares, assumptions): one shown at a time, moved between with real in-page links
// (#posts, #projection…), so the back button, a shared link and a screen reader's links list
// all work. Every section stays in the page (hidden when not chosen), so print prints them all
// and a link to a field in another section (the error summary, a post's roadmap link) opens
// that section first.
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";

export const PLANNER_SECTIONS = [
  ["posts", "Posts"],
  ["summary", "Year in detail"],
  ["population-need", "Population need"],
  ["first-contact", "First Contact"],
  ["supervision", "Supervision"],
  ["projection", "Projection"],
  ["workforce", "Workforce"],
  ["cash-flow", "Cash flow"],
  ["shares", "Practices' shares"],
  ["assumptions", "Assumptions"],
] as const;

export type PlannerSectionId = (typeof PLANNER_SECTIONS)[number][0];
const IDS = new Set<string>(PLANNER_SECTIONS.map(([id]) => id));

/** The section that holds the element with this id (a section's own id included), if any. */
function sectionOf(id: string): PlannerSectionId | null {
  if (IDS.has(id)) return id as PlannerSectionId;
  const el = id ? document.getElementById(id) : null;
  const s = el?.closest("[data-planner-section]")?.getAttribute("data-planner-section");
  return s && IDS.has(s) ? (s as PlannerSectionId) : null;
}

/** The chosen section, following the address's #fragment and any in-page link to a field inside another section. */
export function usePlannerSection(initial: PlannerSectionId = "posts") {
  const [active, setActive] = useState<PlannerSectionId>(initial);
  useEffect(() => {
    const fromHash = () => {
      const s = sectionOf(decodeURIComponent(location.hash.slice(1)));
      if (s) setActive(s);
    };
    // A link to a field in a hidden section: show the section before the browser (or a handler) moves focus there.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href^='#']");
      const id = a ? decodeURIComponent(a.getAttribute("href")!.slice(1)) : "";
      const s = id ? sectionOf(id) : null;
      if (s) flushSync(() => setActive(s));
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("hashchange", fromHash);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
  const choose = useCallback((s: PlannerSectionId) => setActive(s), []);
  return { active, choose };
}

/** The section switcher: a list of links, the current one marked for screen readers (aria-current). */
export function SectionNav({ active, extra }: { active: PlannerSectionId; extra?: Partial<Record<PlannerSectionId, ReactNode>> }) {
  return (
    <nav className="app-section-nav app-no-print" aria-label="Planner sections" data-testid="planner-sections">
      <ul className="app-section-nav__list">
        {PLANNER_SECTIONS.map(([id, text]) => (
          <li key={id} className={`app-section-nav__item${id === active ? " app-section-nav__item--current" : ""}`}>
            <a className="app-section-nav__link" href={`#${id}`} aria-current={id === active ? "location" : undefined}>
              {text}
              {extra?.[id]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One section: hidden on screen unless chosen; always printed. */
export function PlannerSection({ id, title, active, children }: { id: PlannerSectionId; title: string; active: PlannerSectionId; children: ReactNode }) {
  return (
    <section id={id} className="app-planner-section" data-planner-section={id} aria-labelledby={`${id}-heading`} hidden={id !== active}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
