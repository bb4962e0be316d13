import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { z } from 'zod';
import { AppError, isAppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { isPublic, runDeclared, type Permission } from '../api/route';
import { getCurrentUser } from '../auth/current-user';
import type { SessionUser } from '../auth/load-actor';
import { toErrorBody } from '../errors';
import { getTranslator } from '../i18n/server';
import type { Locale } from '../i18n/translate';

/** A refusal or bad input, as a form shows it: the message in the user's language, per-field messages. */
export interface ActionProblem {
  message: string;
  fields?: Record<string, string>;
}

export interface ActionOptions<R> {
  permission: Permission;
  /**
   * Turns a refusal or invalid input into the form's state (shown next to the form). Without it
   * they are thrown (the error page): fine for buttons that a normal page never sends wrongly.
   */
  onError?: (problem: ActionProblem) => R;
}

interface ActionContext<U> {
  user: U;
  locale: Locale;
  /** The raw form, for forms whose shape the schema leaves to a domain parser (checkbox groups, targets). */
  form: FormData;
}

/**
 * The form's fields as an object for the schema: a name sent once is a string (or File), a name
 * sent several times (checkbox groups, multi-selects) an array.
 */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

type ServerAction<R> = (prevOrForm: R | FormData, form?: FormData) => Promise<R>;

/**
 * Every server action is built here, with its permission declared (lib/policy/entry-points.test.ts
 * fails for one that is not): the caller is resolved (401 without a session), the form is parsed
 * with the schema, and a declared policy action must be authorized by the handler's call tree.
 * Works both as `<form action>` (form data only) and with useActionState (previous state first).
 */
export function action<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext<SessionUser | null>) => Promise<R>,
  options: ActionOptions<R> & { permission: { public: string } },
): ServerAction<R>;
export function action<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext<SessionUser>) => Promise<R>,
  options: ActionOptions<R>,
): ServerAction<R>;
export function action<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext<SessionUser>) => Promise<R>,
  options: ActionOptions<R>,
): ServerAction<R> {
  return async (prevOrForm, maybeForm) => {
    const form = maybeForm ?? prevOrForm;
    const { locale } = await getTranslator();
    try {
      if (!(form instanceof FormData)) throw new AppError('INVALID_INPUT', 'server action without form data');
      const user = await getCurrentUser();
      if (!user && !isPublic(options.permission)) throw new AppError('UNAUTHENTICATED', 'no session');
      const input = parseInput(schema, formFields(form)) as z.output<S>;
      return await runDeclared(options.permission, () => handler(input, { user: user!, locale, form }), () => true);
    } catch (error) {
      if (isRedirectError(error) || !options.onError || !isAppError(error)) throw error;
      const { body } = toErrorBody(error, locale);
      return options.onError({ message: body.error.message, fields: body.error.fields });
    }
  };
}
