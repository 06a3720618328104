import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

/**
 * The users-permissions plugin adds these mutations with `auth: false`, so any request (even one
 * carrying only the site's read token) could register an account and get a JWT, or ask for
 * password resets. Nobody signs up on this CMS: editors use the admin, programs use API tokens.
 */
const ACCOUNT_MUTATIONS = [
  'login',
  'register',
  'forgotPassword',
  'resetPassword',
  'changePassword',
  'emailConfirmation',
  'createUsersPermissionsUser',
  'updateUsersPermissionsUser',
  'deleteUsersPermissionsUser',
  'createUsersPermissionsRole',
  'updateUsersPermissionsRole',
  'deleteUsersPermissionsRole',
];
const USERS_PERMISSIONS_TYPES = [
  'plugin::users-permissions.user',
  'plugin::users-permissions.role',
  'plugin::users-permissions.permission',
];

/** The part of the GraphQL plugin's extension service used here. */
interface ExtensionService {
  shadowCRUD(uid: string): { disableMutations(): unknown };
  use(configuration: { resolvers: Record<string, Record<string, () => never>> }): unknown;
}

function isExtensionService(value: unknown): value is ExtensionService {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'shadowCRUD') === 'function' &&
    typeof Reflect.get(value, 'use') === 'function'
  );
}

function refuse(): never {
  throw new errors.ForbiddenError(
    '[cms] Accounts are not managed over the Content API: registration, login and password resets are off. ' +
      'Editors sign in to the admin panel; programs use the API tokens from .env.',
  );
}

/**
 * Turns off every account mutation of the GraphQL API, in `register()` (before the schema is
 * built). Shadow CRUD mutations of the users-permissions types are removed from the schema; the
 * plugin's own mutations (added as plain fields, which shadow CRUD cannot remove) get a resolver
 * that refuses. If a name disappears in an upgrade, Strapi fails to start instead of leaving the
 * mutation open.
 */
export function disableAccountMutations(strapi: Core.Strapi): void {
  const extension: unknown = strapi.plugin('graphql').service('extension');
  if (!isExtensionService(extension)) {
    throw new Error(
      "[cms] The GraphQL plugin's extension service is missing or changed, so the account mutations cannot be turned off. Check @strapi/plugin-graphql.",
    );
  }
  for (const uid of USERS_PERMISSIONS_TYPES) extension.shadowCRUD(uid).disableMutations();
  extension.use({ resolvers: { Mutation: Object.fromEntries(ACCOUNT_MUTATIONS.map((name) => [name, refuse])) } });
}
