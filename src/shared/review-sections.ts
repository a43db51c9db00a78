/** The sidebar's sections and limits, shared by the page and the server. */

/** Items per section and page: three full pages of typical requests stay far below 100 KB. */
export const REVIEW_PAGE_SIZE = 50;
/** Longest reason or question accepted (it goes into a cell and an email). */
export const MAX_REASON_LENGTH = 2000;
/** Most search results returned at once. */
export const SEARCH_LIMIT = 25;
/** How often the open sidebar asks whether anything changed (one Properties read, no register). */
export const POLL_INTERVAL_MS = 30_000;

/** In the order the sidebar shows them: what needs a decision first. */
export const SECTION_KEYS = ['submitted', 'overdue', 'approved', 'working', 'completed'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  submitted: 'Needs review',
  overdue: 'Overdue and due soon',
  approved: 'Approved, not assigned',
  working: 'Assigned, in progress or on hold, by technician',
  completed: 'Completed, awaiting close',
};
