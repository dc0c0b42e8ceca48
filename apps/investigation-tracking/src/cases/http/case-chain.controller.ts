import { Body, Controller, HttpCode, Inject, Param, ParseEnumPipe, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SurvivorSupportKinds, type SurvivorSupportKind } from '#contracts';
import { AllowRoles } from '#auth';
import { versionFromIfMatch } from '#http';
import type { CaseChange } from '../application/case-changes.js';
import { ChangeCaseCommand } from '../application/change-case.command.js';
import { AssessmentRequestDto, DeterminationRequestDto } from './assessment.request.dto.js';
import { caseRepresentation } from './case-representation.js';
import { CaseDetailDto } from './case.response.dto.js';
import { CloseCaseRequestDto } from './closure.request.dto.js';
import { CheckEvidenceRequestDto, RegisterEvidenceRequestDto, TransferEvidenceRequestDto } from './evidence.request.dto.js';
import {
  CapacitySupportRequestDto,
  CapacitySupportUpdateRequestDto,
  ProsecutionRequestDto,
  ProsecutionUpdateRequestDto,
  SurvivorSupportRequestDto,
} from './follow-up.request.dto.js';
import { LinkIncidentRequestDto, ReasonRequestDto } from './incident-link.request.dto.js';
import { ReferralRequestDto, ReferralStatusRequestDto } from './referral.request.dto.js';
import {
  AcknowledgementRequestDto,
  AddConcernedStateRequestDto,
  ProgressReportRequestDto,
  ReportingPolicyRequestDto,
  RequestInvestigationRequestDto,
} from './state-request.request.dto.js';
import { StateCodePipe } from './state-code.pipe.js';
import { Writer, type WriterContext } from './writer.decorator.js';

const Id = () => Param('id', new ParseUUIDPipe());
const StateCode = () => Param('stateCode', StateCodePipe);

/**
 * One endpoint per transition of recommendation 6's chain. Each needs If-Match (428 without,
 * 412 when stale), is refused with 409 and the allowed transitions when the case is not at a
 * stage that allows it, and answers the whole case with its new ETag.
 */
@ApiTags('case chain')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the case version being changed, e.g. W/"3"' })
@ApiOkResponse({ type: CaseDetailDto })
@ApiConflictResponse({ description: 'Not allowed at the current stage; details list the allowed transitions' })
@ApiPreconditionFailedResponse({ description: 'The case changed since the version in If-Match' })
@ApiUnprocessableEntityResponse({ description: 'Well-formed but inconsistent (dates, grounds, verdicts)' })
@AllowRoles('officer', 'admin')
@Controller('cases/:id')
export class CaseChainController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post('incidents')
  @HttpCode(200)
  linkIncident(@Id() id: string, @Body() body: LinkIncidentRequestDto, @Writer() writer: WriterContext) {
    const { incidentId, kind: linkKind, duplicateOfIncidentId, reason } = body;
    return this.change(id, { kind: 'link_incident', incidentId, linkKind, duplicateOfIncidentId, reason }, writer);
  }

  @Post('incidents/:incidentId/unlink')
  @HttpCode(200)
  unlinkIncident(
    @Id() id: string,
    @Param('incidentId', new ParseUUIDPipe()) incidentId: string,
    @Body() { reason }: ReasonRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'unlink_incident', incidentId, reason }, writer);
  }

  @Post('concerned-states')
  @HttpCode(200)
  addConcernedState(
    @Id() id: string,
    @Body() { concernedStateCode, basis, reason }: AddConcernedStateRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'add_concerned_state', stateCode: concernedStateCode, basis, reason }, writer);
  }

  @Put('reporting-policy')
  overrideReportingPolicy(@Id() id: string, @Body() { reason, ...policy }: ReportingPolicyRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'override_reporting_policy', policy, reason }, writer);
  }

  @Post('concerned-states/:stateCode/request')
  @HttpCode(200)
  requestInvestigation(
    @Id() id: string,
    @StateCode() stateCode: string,
    @Body() request: RequestInvestigationRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'request_investigation', stateCode, request }, writer);
  }

  @Post('concerned-states/:stateCode/acknowledgement')
  @HttpCode(200)
  acknowledge(
    @Id() id: string,
    @StateCode() stateCode: string,
    @Body() { receivedOn }: AcknowledgementRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'acknowledge', stateCode, receivedOn }, writer);
  }

  @Post('concerned-states/:stateCode/progress-reports')
  @HttpCode(200)
  reportProgress(
    @Id() id: string,
    @StateCode() stateCode: string,
    @Body() report: ProgressReportRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'report_progress', stateCode, report }, writer);
  }

  @Post('concerned-states/:stateCode/assessments')
  @HttpCode(200)
  assess(@Id() id: string, @StateCode() stateCode: string, @Body() assessment: AssessmentRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'assess', stateCode, assessment }, writer);
  }

  @Post('concerned-states/:stateCode/determination')
  @HttpCode(200)
  determine(@Id() id: string, @StateCode() stateCode: string, @Body() proposal: DeterminationRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'determine', stateCode, proposal }, writer);
  }

  @Post('concerned-states/:stateCode/determination/approval')
  @HttpCode(200)
  approveDetermination(@Id() id: string, @StateCode() stateCode: string, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'approve_determination', stateCode }, writer);
  }

  @Post('concerned-states/:stateCode/referrals')
  @HttpCode(200)
  refer(@Id() id: string, @StateCode() stateCode: string, @Body() referral: ReferralRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'refer', stateCode, referral }, writer);
  }

  @Post('referrals/:referralId/status')
  @HttpCode(200)
  updateReferral(
    @Id() id: string,
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() update: ReferralStatusRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'update_referral', referralId, update }, writer);
  }

  @Post('prosecutions')
  @HttpCode(200)
  recordProsecution(@Id() id: string, @Body() prosecution: ProsecutionRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'record_prosecution', prosecution }, writer);
  }

  @Patch('prosecutions/:prosecutionId')
  updateProsecution(
    @Id() id: string,
    @Param('prosecutionId', new ParseUUIDPipe()) prosecutionId: string,
    @Body() update: ProsecutionUpdateRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'update_prosecution', prosecutionId, update }, writer);
  }

  @Post('capacity-support')
  @HttpCode(200)
  recordCapacitySupport(@Id() id: string, @Body() support: CapacitySupportRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'record_capacity_support', support }, writer);
  }

  @Patch('capacity-support/:supportId')
  updateCapacitySupport(
    @Id() id: string,
    @Param('supportId', new ParseUUIDPipe()) supportId: string,
    @Body() update: CapacitySupportUpdateRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'update_capacity_support', supportId, update }, writer);
  }

  @Put('survivor-support/:kind')
  updateSurvivorSupport(
    @Id() id: string,
    @Param('kind', new ParseEnumPipe(Object.fromEntries(SurvivorSupportKinds.map((kind) => [kind, kind]))))
    supportKind: SurvivorSupportKind,
    @Body() { personsSupported, status }: SurvivorSupportRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'update_survivor_support', supportKind, personsSupported, status }, writer);
  }

  @Post('evidence')
  @HttpCode(200)
  registerEvidence(@Id() id: string, @Body() evidence: RegisterEvidenceRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'register_evidence', evidence }, writer);
  }

  @Post('evidence/:itemId/transfers')
  @HttpCode(200)
  transferEvidence(
    @Id() id: string,
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() transfer: TransferEvidenceRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'transfer_evidence', itemId, ...transfer }, writer);
  }

  @Post('evidence/:itemId/checks')
  @HttpCode(200)
  checkEvidence(
    @Id() id: string,
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() { sha256 }: CheckEvidenceRequestDto,
    @Writer() writer: WriterContext,
  ) {
    return this.change(id, { kind: 'check_evidence', itemId, sha256 }, writer);
  }

  @Post('close')
  @HttpCode(200)
  close(@Id() id: string, @Body() { outcome, reason }: CloseCaseRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'close', outcome, reason }, writer);
  }

  @Post('reopen')
  @HttpCode(200)
  reopen(@Id() id: string, @Body() { reason }: ReasonRequestDto, @Writer() writer: WriterContext) {
    return this.change(id, { kind: 'reopen', reason }, writer);
  }

  private async change(id: string, change: CaseChange, { ifMatch, user, response }: WriterContext): Promise<CaseDetailDto> {
    await this.commands.execute(new ChangeCaseCommand(id, versionFromIfMatch(ifMatch, true), change, user));
    return caseRepresentation(this.queries, response, id, user);
  }
}
