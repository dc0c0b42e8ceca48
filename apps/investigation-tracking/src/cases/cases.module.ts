import { Module } from '@nestjs/common';
import { FindCasesHandler } from './application/find-cases.handler.js';
import { OpenCaseHandler } from './application/open-case.handler.js';
import { CasesController } from './http/cases.controller.js';
import { CaseRepository } from './infrastructure/case.repository.js';

@Module({
  controllers: [CasesController],
  providers: [OpenCaseHandler, FindCasesHandler, CaseRepository],
  exports: [CaseRepository],
})
export class CasesModule {}
