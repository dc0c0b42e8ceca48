import { OrganisationTypes, type OrganisationType } from '#contracts';

/** `ORGANISATION_TYPES`: `<organisation id>=<type>` pairs, comma-separated. */
export const OrganisationTypesPattern = new RegExp(
  `^([^=,\\s]+=(${OrganisationTypes.join('|')}))(,[^=,\\s]+=(${OrganisationTypes.join('|')}))*$`,
);

/**
 * The type of each reporting organisation, as partners see it instead of the organisation.
 * Tokens carry the organisation id only and intake records nothing more, so operators list
 * the types in `ORGANISATION_TYPES`; an organisation not listed is `other`, which discloses
 * the least.
 */
export class OrganisationTypeDirectory {
  private constructor(private readonly types: ReadonlyMap<string, OrganisationType>) {}

  /** Parses a value `OrganisationTypesPattern` accepts (the service's config validates it). */
  static parse(listing: string | undefined): OrganisationTypeDirectory {
    const pairs = (listing ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, OrganisationType]);
    return new OrganisationTypeDirectory(new Map(pairs));
  }

  typeOf(organisation: string): OrganisationType {
    return this.types.get(organisation) ?? 'other';
  }
}
