import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../errors/app-errors';
import { ViewerType } from '../organisations/organisation.types';
import { loadViewer } from '../organisations/viewer.service';
import type { RequestContext } from '../tenancy/context';
import { withTenant } from '../tenancy/request-db';
import { SignInInput, SignInPayload } from './auth.types';
import { SESSION_COOKIE } from './tokens';

@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, {
    nullable: true,
    description: 'The signed-in user; null when nobody is signed in.',
  })
  viewer(@Ctx() ctx: RequestContext): Promise<ViewerType | null> {
    return loadViewer(ctx);
  }

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with email and password. Sets an HttpOnly session cookie, or returns a Bearer token when issueBearerToken is true.',
  })
  async signIn(
    @Arg('input') input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInPayload> {
    const { token, session } = await ctx.deps.auth.signIn(input.email, input.password, ctx.address);
    if (!input.issueBearerToken) {
      ctx.res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.deps.config.session.cookieSecure,
        path: '/',
        expires: session.expiresAt,
      });
    }
    const viewer = await withTenant(
      ctx.deps.dataSource,
      { userId: session.userId, tenantId: null },
      (db) => loadViewer({ ...ctx, db, auth: session, membership: null }),
    );
    ctx.logger.info({ userId: session.userId }, 'signed in');
    return {
      viewer: viewer!,
      expiresAt: session.expiresAt,
      token: input.issueBearerToken ? token : null,
    };
  }

  @Mutation(() => Boolean, {
    description: 'Revokes the current sign-in on the server and clears the cookie.',
  })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.auth) throw unauthenticated();
    await ctx.deps.auth.signOut(ctx.auth.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    ctx.logger.info({ userId: ctx.auth.userId }, 'signed out');
    return true;
  }
}
