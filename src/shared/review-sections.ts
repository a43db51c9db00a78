/** The sidebar's sections and limits, shared by the page and the server. */

/** Items per section and page: three full pages of typical requests stay far below 100 KB. */
export const REVIEW_PAGE_SIZE = 50;
/** Longest reason or question accepted (it goes into a cell and an email). */
export const MAX_REASON_LENGTH = 2000;

export const SECTION_KEYS = ['submitted', 'approved', 'completed'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  submitted: 'Awaiting review',
  approved: 'Approved, not assigned',
  completed: 'Completed, awaiting close',
};
