/** The Council-ready summaries council-reporting generates; adding a value is a contract change. */

/** A calendar year, a half year, or a year and the first half of the next (the Secretary-General's annual reports). */
export const ReportPeriodKinds = ['year', 'half', 'year_and_half'] as const;
export type ReportPeriodKind = (typeof ReportPeriodKinds)[number];

/** Everyone, one UN geoscheme region, or one concerned State. */
export const ReportScopeKinds = ['all', 'region', 'concerned_state'] as const;
export type ReportScopeKind = (typeof ReportScopeKinds)[number];

/** English now; the text of each language is kept in one place so others can follow. */
export const ReportLanguages = ['en'] as const;
export type ReportLanguage = (typeof ReportLanguages)[number];

export const ReportFormats = ['json', 'md', 'html', 'pdf', 'docx', 'csv'] as const;
export type ReportFormat = (typeof ReportFormats)[number];
