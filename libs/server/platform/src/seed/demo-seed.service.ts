import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { UsersService } from '@alliance/server-identity';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';
import { seedAllianceDemo } from './alliance-demo';
import { seedLearningDemo } from './learning-demo';
import { seedWorkshopsDemo } from './workshops-demo';
import { seedEvidenceDemo } from './evidence-demo';
import { seedCollaborationDemo } from './collaboration-demo';

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * At start: the configured first administrator (ADMIN_EMAIL / ADMIN_PASSWORD), then the demo
   * data: always with SEED_DEMO=true (idempotent), never with false, and with auto only on an
   * empty database outside production.
   */
  async onStart(): Promise<void> {
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.users.ensureAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    }
    if (this.config.SEED_DEMO === 'true') {
      await this.seed();
    } else if (this.config.SEED_DEMO === 'auto' && !this.config.isProduction && (await this.users.countUsers()) === (this.config.ADMIN_EMAIL ? 1 : 0)) {
      await this.seed();
    }
  }

  /** Idempotent: people who already exist are left as they are. Returns how many were created. */
  async seed(): Promise<number> {
    let created = 0;
    for (const person of DEMO_PEOPLE) {
      if (await this.users.findByEmail(person.email)) continue;
      await this.users.createUser({ ...person, password: DEMO_PASSWORD, verified: true });
      created += 1;
    }
    if (created) this.logger.log(`Demo data loaded: ${created} people; they sign in with the password "${DEMO_PASSWORD}"`);
    const organisations = await seedAllianceDemo(this.moduleRef);
    if (organisations) this.logger.log(`Demo alliance loaded: ${organisations} member organisations`);
    const learning = await seedLearningDemo(this.moduleRef);
    if (learning) this.logger.log(`Demo learning catalogue loaded: ${learning} courses`);
    const workshopCount = await seedWorkshopsDemo(this.moduleRef);
    if (workshopCount) this.logger.log(`Demo workshops loaded: ${workshopCount} workshops`);
    const evidenceCount = await seedEvidenceDemo(this.moduleRef);
    if (evidenceCount) this.logger.log(`Demo evidence bank loaded: ${evidenceCount} published items`);
    if (await seedCollaborationDemo(this.moduleRef)) this.logger.log('Demo collaboration loaded: two working tables and a technical group');
    return created;
  }
}
