import { Controller } from '@nestjs/common';

// Placeholder created with the module skeleton; replaced by the real implementation.
@Controller('api/collaboration')
export class CollaborationDocumentsController {}
