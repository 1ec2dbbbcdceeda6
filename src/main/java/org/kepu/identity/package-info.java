/** Accounts, roles and data scopes, sign-in, password policy, sessions and API tokens. */
package org.kepu.identity;
