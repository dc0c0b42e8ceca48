import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allocateReference } from '#database';
import type { Incident } from '../domain/incident.js';
import { IncidentEntity } from './incident.entity.js';
import { IncidentMapper } from './incident.mapper.js';

@Injectable()
export class IncidentRepository {
  nextReference(manager: EntityManager, year: number): Promise<string> {
    return allocateReference(manager, 'intake', 'INC', year);
  }

  async insert(manager: EntityManager, incident: Incident): Promise<void> {
    await manager.insert(IncidentEntity, IncidentMapper.toEntity(incident));
  }

  async findById(manager: EntityManager, id: string): Promise<Incident | undefined> {
    const entity = await manager.findOneBy(IncidentEntity, { id });
    return entity ? IncidentMapper.toDomain(entity) : undefined;
  }
}
