import { Controller } from '@nestjs/common';

// Placeholder created with the module skeleton; replaced by the real implementation.
@Controller('api/collaboration/accountability')
export class AccountabilityController {}
