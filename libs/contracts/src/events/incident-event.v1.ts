import { IsInt, IsUUID, Matches, Min } from 'class-validator';

/** What every incident event names: the incident and the version the event brought it to. */
export class IncidentEventV1 {
  @IsUUID()
  incidentId!: string;

  @Matches(/^INC-\d{4}-\d{6}$/)
  reference!: string;

  /** Increases with every change; consumers ignore an event older than the state they hold. */
  @IsInt()
  @Min(1)
  version!: number;
}
