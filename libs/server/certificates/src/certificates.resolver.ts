import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, Ctx, CurrentUser, PageArgs, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';
import type { Certificate } from './entities';
import { CertificatesService } from './certificates.service';
import { CertificateBatchModel, CertificateConnection, CertificateModel, CertificateVerification } from './dto/certificate.model';
import { CertificatesArgs, IssueParticipationInput } from './dto/inputs';

/** Certificates over GraphQL: thin, the service holds the rules. */
@Resolver(() => CertificateModel)
export class CertificatesResolver {
  constructor(private readonly service: CertificatesService) {}

  @Query(() => CertificateConnection, { description: 'The signed-in person’s certificates, newest first.' })
  @RequireAuth()
  async myCertificates(@CurrentUser() user: SessionUser, @Args() args: PageArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CertificateModel>> {
    return this.models(await this.service.listMine(user, args), ctx);
  }

  @Query(() => CertificateVerification, {
    nullable: true,
    description: 'Public. What was issued under this code (null when there is none). Rate-limited per IP.',
  })
  async verifyCertificate(@Args('code') code: string, @Ctx() ctx: RequestContext): Promise<CertificateVerification | null> {
    await this.service.countLookup(ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? 'unknown');
    const certificate = await this.service.findByCode(code);
    return certificate ? CertificateVerification.from(certificate, ctx.locale) : null;
  }

  @Query(() => CertificateConnection, { description: 'Administrators only. Newest first.' })
  @RequireAuth(Role.Admin)
  async certificates(@Args() args: CertificatesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CertificateModel>> {
    return this.models(await this.service.list(args), ctx);
  }

  @Query(() => CertificateBatchModel, { nullable: true, description: 'Administrators only: progress of a bulk issue.' })
  @RequireAuth(Role.Admin)
  certificateBatch(@Args('id', { type: () => ID }) id: string): Promise<CertificateBatchModel | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.service.batchProgress(id);
  }

  @Mutation(() => CertificateBatchModel, {
    description: 'Administrators only. Every row is checked first: with any bad row nothing is issued (BAD_USER_INPUT lists the rows).',
  })
  @RequireAuth(Role.Admin)
  issueParticipationCertificates(@CurrentUser() admin: SessionUser, @Args('input') input: IssueParticipationInput): Promise<CertificateBatchModel> {
    return this.service.issueParticipation(admin.id, input);
  }

  @Mutation(() => CertificateModel, { description: 'Administrators only.' })
  @RequireAuth(Role.Admin)
  async revokeCertificate(
    @CurrentUser() admin: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateModel> {
    return this.model(await this.service.revoke(id, reason, admin.id), ctx);
  }

  @Mutation(() => CertificateModel, {
    description: 'Administrators only. Revokes the certificate as replaced and issues a new code with the same data (optionally a corrected name).',
  })
  @RequireAuth(Role.Admin)
  async reissueCertificate(
    @CurrentUser() admin: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('recipientName', { type: () => String, nullable: true }) recipientName: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateModel> {
    return this.model(await this.service.reissue(id, recipientName, admin.id), ctx);
  }

  private model(certificate: Certificate | null, ctx: RequestContext): CertificateModel {
    if (!certificate) throw AppError.notFound('certificates:notFound');
    return CertificateModel.fromCertificate(certificate, ctx.locale, this.service.verificationUrl(certificate.code));
  }

  private models(page: ConnectionShape<Certificate>, ctx: RequestContext): ConnectionShape<CertificateModel> {
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: this.model(edge.node, ctx) })) };
  }
}
