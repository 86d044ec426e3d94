import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CredentialService, StatusListNotFoundError } from './credential.service';

/**
 * Public documents a third-party verifier needs: the issuer's did:web document (with its public
 * key) and the signed revocation lists. Neither contains personal data.
 */
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialService) {}

  // did:web resolves a host-only DID at /.well-known/did.json and a DID with path segments at
  // <path>/did.json (when the portal lives under a path, the proxy forwards that as /did.json).
  @Get(['.well-known/did.json', 'did.json'])
  @Header('Cache-Control', 'public, max-age=300')
  async didDocument(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    res.type('application/did+json');
    return this.credentials.didDocument();
  }

  @Get('api/credentials/status/:list')
  // Short: verifiers must see a revocation soon after it happens.
  @Header('Cache-Control', 'public, max-age=60')
  async statusList(@Param('list') list: string, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    try {
      const credential = await this.credentials.statusListCredential(list);
      res.type('application/vc+ld+json');
      return credential;
    } catch (error) {
      if (error instanceof StatusListNotFoundError) throw new NotFoundException();
      throw error;
    }
  }
}
