import { CaseOpened } from '#contracts';
import { AggregateRoot } from '#domain';

/** Where a case stands in the chain of recommendation 6; later stages come with the workflow. */
export type CaseStage = 'opened';

export interface OpenCaseFacts {
  id: string;
  reference: string;
  incidentId: string;
  incidentReference: string;
  countryCode: string;
  concernedStateCode: string;
}

/** The accountability case that follows one incident (recommendation 6.1). */
export class Case extends AggregateRoot {
  private constructor(
    readonly id: string,
    readonly reference: string,
    readonly incidentId: string,
    readonly incidentReference: string,
    readonly countryCode: string,
    /** The State asked to conduct a full, prompt, impartial, independent, transparent and effective investigation. */
    readonly concernedStateCode: string,
    readonly stage: CaseStage,
    readonly openedAt: Date,
  ) {
    super();
  }

  static open(facts: OpenCaseFacts, now: Date): Case {
    const opened = new Case(
      facts.id,
      facts.reference,
      facts.incidentId,
      facts.incidentReference,
      facts.countryCode,
      facts.concernedStateCode,
      'opened',
      now,
    );
    opened.record(CaseOpened, opened.id, {
      caseId: opened.id,
      reference: opened.reference,
      incidentId: opened.incidentId,
      concernedStateCode: opened.concernedStateCode,
      openedAt: now.toISOString(),
    });
    return opened;
  }

  static restore(state: OpenCaseFacts & { stage: CaseStage; openedAt: Date }): Case {
    return new Case(
      state.id,
      state.reference,
      state.incidentId,
      state.incidentReference,
      state.countryCode,
      state.concernedStateCode,
      state.stage,
      state.openedAt,
    );
  }
}
