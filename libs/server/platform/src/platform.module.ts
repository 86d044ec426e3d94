import { Module } from '@nestjs/common';
import { IdentityModule } from '@alliance/server-identity';
import { DemoSeedService } from './seed/demo-seed.service';

/** Cross-domain composition: the demo data and anything else that needs several domains at once. */
@Module({
  imports: [IdentityModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class PlatformModule {}
