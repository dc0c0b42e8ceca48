import type { CaseState } from '../domain/case.js';
import { Case } from '../domain/case.js';

/** The `state` document as PostgreSQL returns it: instants as ISO strings. */
type StoredState = Omit<CaseState, 'openedAt' | 'incidents' | 'reviewFlags' | 'closure'> & {
  openedAt: string;
  incidents: (Omit<CaseState['incidents'][number], 'linkedAt'> & { linkedAt: string })[];
  reviewFlags: (Omit<CaseState['reviewFlags'][number], 'flaggedAt'> & { flaggedAt: string })[];
  closure?: Omit<NonNullable<CaseState['closure']>, 'closedAt'> & { closedAt: string };
};

/** Between the aggregate and its row: the whole state as one document, instants restored on the way back. */
export const CaseMapper = {
  toDocument(found: Case): string {
    return JSON.stringify(found.state);
  },

  fromDocument(stored: StoredState, version: number): Case {
    return Case.restore({
      ...stored,
      version,
      openedAt: new Date(stored.openedAt),
      incidents: stored.incidents.map((link) => ({ ...link, linkedAt: new Date(link.linkedAt) })),
      reviewFlags: stored.reviewFlags.map((flag) => ({ ...flag, flaggedAt: new Date(flag.flaggedAt) })),
      closure: stored.closure && { ...stored.closure, closedAt: new Date(stored.closure.closedAt) },
    });
  },
};

export type { StoredState };
