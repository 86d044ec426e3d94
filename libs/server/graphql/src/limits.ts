import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { ErrorCode, LIMITS } from '@alliance/shared-core';
import { AppError } from './app-error';

/** What one operation costs to look at, with every fragment spread expanded where it is used. */
export interface OperationShape {
  /** Deepest field below a root field (a root field is depth 0, as graphql-depth-limit counts). */
  depth: number;
  /** Aliased fields, a fragment's aliases counted at every spread. */
  aliases: number;
  /** Fields after expanding every spread (a lower bound of the complexity estimate). */
  fields: number;
}

interface FragmentShape extends OperationShape {
  /** Fragments still being measured: a spread of one of them is a cycle (NoFragmentCyclesRule reports it). */
  partial?: boolean;
}

/**
 * Measures an operation in time linear in the document's size, however its fragments are spread:
 * each fragment is measured once and its shape reused at every spread, so a "fragment bomb" (each
 * fragment spreading the next one twice, 2^n fields once expanded) costs n steps here instead of
 * 2^n, and its expanded size is known before anything (the complexity estimator included) walks it.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, FragmentShape>();

  const fragmentShape = (name: string): OperationShape => {
    const known = measured.get(name);
    // A cycle or a missing fragment adds nothing: other validation rules refuse such documents.
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { depth: 0, aliases: 0, fields: 0 };
    measured.set(name, { depth: 0, aliases: 0, fields: 0, partial: true });
    const shape = selectionShape(fragment.selectionSet);
    measured.set(name, shape);
    return shape;
  };

  const selectionShape = (selectionSet: SelectionSetNode): OperationShape => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      let inner: OperationShape;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? selectionShape(selection.selectionSet) : { depth: -1, aliases: 0, fields: 0 };
        // Introspection fields (__typename, __schema...) and what is below them do not count towards
        // depth, as in graphql-depth-limit (GraphiQL's introspection query is deep).
        const ownDepth = selection.name.value.startsWith('__') ? 0 : child.depth + 1;
        inner = { depth: ownDepth, aliases: child.aliases + (selection.alias ? 1 : 0), fields: child.fields + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const child = selectionShape(selection.selectionSet);
        inner = { depth: child.depth, aliases: child.aliases, fields: child.fields };
      } else {
        const child = fragmentShape(selection.name.value);
        inner = { depth: child.depth, aliases: child.aliases, fields: child.fields };
      }
      depth = Math.max(depth, inner.depth);
      // Sums may pass Number.MAX_SAFE_INTEGER on a hostile document; they only need to stay "too big".
      aliases += inner.aliases;
      fields += inner.fields;
    }
    return { depth, aliases, fields };
  };

  // A field's depth here is the number of levels below it, so the root selection's is the depth of
  // its deepest field counted from the root fields (0), as graphql-depth-limit counts it.
  return selectionShape(operation.selectionSet);
}

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Most fields once fragments are expanded (set to the highest complexity anyone may spend). */
  maxFields: number;
}

/** A validation error whose message errorTranslationPlugin translates (it keeps code GRAPHQL_VALIDATION_FAILED). */
function limitError(key: string, params: Record<string, number>, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(key, { nodes: [node], extensions: { messageKey: key, messageParams: params } });
}

/**
 * Validation rule: refuses an operation that is too deep, uses too many aliases or expands to too
 * many fields. It runs with the other validation rules, before any resolver; one translated error
 * per operation and limit.
 */
export function operationLimitsRule(limits: OperationLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const document = context.getDocument();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const shape = measureOperation(document, definition);
      if (shape.depth > limits.maxDepth) context.reportError(limitError('errors:queryTooDeep', { max: limits.maxDepth }, definition));
      if (shape.aliases > limits.maxAliases) context.reportError(limitError('errors:tooManyAliases', { max: limits.maxAliases }, definition));
      if (shape.fields > limits.maxFields) context.reportError(limitError('errors:queryTooComplex', { complexity: shape.fields, max: limits.maxFields }, definition));
    }
    return {};
  };
}

/** The page-size arguments of the API: every Relay connection takes `first`. */
const PAGE_SIZE_ARGUMENTS = new Set(['first']);

/**
 * The largest page size an operation asks for, with its variables (or their defaults) applied.
 * Fragments are read once each: an argument's value depends only on the variables.
 */
export function largestPageSize(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, ValueNode>();
  for (const variable of operation.variableDefinitions ?? []) {
    if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
  }
  const valueOf = (node: ValueNode): number => {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      const given = variables[name];
      if (typeof given === 'number') return given;
      const fallback = given === undefined ? defaults.get(name) : undefined;
      return fallback ? valueOf(fallback) : 0;
    }
    return 0;
  };
  const seen = new Set<string>();
  let largest = 0;
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          if (PAGE_SIZE_ARGUMENTS.has(argument.name.value)) largest = Math.max(largest, valueOf(argument.value));
        }
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return largest;
}

/** Refuses a page size above LIMITS.pageSizeMax on any field, whatever its service checks. */
export function assertPageSizes(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  if (largestPageSize(document, operation, variables) > LIMITS.pageSizeMax) {
    throw new AppError(ErrorCode.BadUserInput, 'errors:pageTooLarge', { max: LIMITS.pageSizeMax }, [
      { field: 'first', key: 'errors:pageTooLarge', params: { max: LIMITS.pageSizeMax } },
    ]);
  }
}
