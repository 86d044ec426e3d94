import { Injectable } from '@nestjs/common';

// Placeholder created with the module skeleton; replaced by the real implementation.
@Injectable()
export class MeetingsService {}
