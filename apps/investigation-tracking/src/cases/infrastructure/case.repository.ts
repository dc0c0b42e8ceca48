import { Injectable } from '@nestjs/common';
import { MoreThan, type EntityManager } from 'typeorm';
import { allocateReference } from '#database';
import { Case } from '../domain/case.js';
import { CaseEntity } from './case.entity.js';

@Injectable()
export class CaseRepository {
  nextReference(manager: EntityManager, year: number): Promise<string> {
    return allocateReference(manager, 'investigation', 'CASE', year);
  }

  async insert(manager: EntityManager, opened: Case): Promise<void> {
    await manager.insert(CaseEntity, { ...opened });
  }

  async findByIncident(manager: EntityManager, incidentId: string): Promise<Case | undefined> {
    const entity = await manager.findOneBy(CaseEntity, { incidentId });
    return entity ? Case.restore(entity) : undefined;
  }

  async find(manager: EntityManager, filter: { incidentId?: string }, afterId: string | undefined, limit: number): Promise<Case[]> {
    const entities = await manager.find(CaseEntity, {
      where: { ...(filter.incidentId ? { incidentId: filter.incidentId } : {}), ...(afterId ? { id: MoreThan(afterId) } : {}) },
      order: { id: 'ASC' },
      take: limit,
    });
    return entities.map((entity) => Case.restore(entity));
  }
}
