import { Controller, Get, Header, Req, StreamableFile, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { SessionService } from './session.service';
import { PersonalDataService } from './personal-data.service';

/**
 * GET /api/me/export: the signed-in person's data as one JSON download. A plain HTTP download (not
 * GraphQL) so the browser saves it as a file; the session cookie is SameSite=Lax and the answer is
 * readable only by the page that asked, so another site can make a browser fetch it but never read it.
 */
@Controller('api/me')
export class PersonalDataController {
  constructor(
    private readonly sessions: SessionService,
    private readonly personalData: PersonalDataService,
  ) {}

  @Get('export')
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  async export(@Req() req: Request): Promise<StreamableFile> {
    const user = await this.sessions.resolveRequest(req);
    if (!user) throw new UnauthorizedException();
    const data = await this.personalData.export(user.id);
    const body = Buffer.from(JSON.stringify(data, null, 2), 'utf8');
    const filename = `personal-data-${new Date().toISOString().slice(0, 10)}.json`;
    return new StreamableFile(body, { type: 'application/json; charset=utf-8', disposition: `attachment; filename="${filename}"`, length: body.length });
  }
}
