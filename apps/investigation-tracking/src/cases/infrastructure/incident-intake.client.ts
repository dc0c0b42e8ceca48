import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** One candidate as intake's GET /incidents/:id/duplicate-candidates answers it. */
export interface IntakeDuplicateCandidate {
  incidentId: string;
  reference: string;
  countryCode: string;
  occurredOn: string;
  occurredOnPrecision: string;
  status: string;
  score: number;
  reasons: { criterion: string; points: number; explanation: string }[];
}

const TIMEOUT_MS = 5000;

/**
 * incident-intake's REST API, called with the officer's own token so intake applies its own
 * visibility rules: the incident data needed to score duplicates (places below the country)
 * never travels in events.
 */
@Injectable()
export class IncidentIntakeClient {
  private readonly baseUrl: string;

  constructor(@Inject(ConfigService) config: ConfigService) {
    this.baseUrl = config.getOrThrow<string>('INCIDENT_INTAKE_URL').replace(/\/$/, '');
  }

  /** Candidates for one incident; none when intake does not show the incident to this officer. */
  async duplicateCandidates(incidentId: string, bearerToken: string, limit: number): Promise<IntakeDuplicateCandidate[]> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/incidents/${incidentId}/duplicate-candidates?limit=${limit}`, {
        headers: { authorization: `Bearer ${bearerToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new ServiceUnavailableException('incident-intake could not be reached for duplicate candidates; try again shortly');
    }
    if (response.status === 404) return [];
    if (!response.ok)
      throw new ServiceUnavailableException(`incident-intake answered ${response.status} for duplicate candidates; try again shortly`);
    return ((await response.json()) as { items: IntakeDuplicateCandidate[] }).items;
  }
}
