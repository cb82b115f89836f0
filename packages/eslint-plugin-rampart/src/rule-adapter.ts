import type { Rule } from 'eslint';
import type { JsRule, JsRuleContext, RuleSourceCode, Visitors } from '@rampart/scan';

import { RULE_DOCS_URL } from '@rampart/core';

/**
 * Wraps a Rampart JsRule as an ESLint rule. Our rules only use the part of ESLint's
 * context that both hosts provide, so the adapter just narrows `report`: ESLint has no
 * per-report severity or confidence, and needs a message, which defaults to the title.
 * It never touches ESLint's AST; positions come from ESLint's own `loc`.
 */
export function toEslintRule(rule: JsRule): Rule.RuleModule {
  const { meta } = rule;
  return {
    meta: {
      type: 'problem',
      docs: {
        description: meta.title,
        recommended: true,
        url: `${RULE_DOCS_URL}${meta.id}.md`,
      },
      schema: [],
    },
    create(context) {
      const adapted: JsRuleContext = {
        filename: context.filename,
        // ESLint's SourceCode has text, ast and getText(node) with the same meaning.
        sourceCode: context.sourceCode as unknown as RuleSourceCode,
        report({ node, message }) {
          context.report({ node: node as unknown as Rule.Node, message: message ?? meta.title });
        },
      };
      const visitors: Visitors = rule.create(adapted);
      return visitors as unknown as Rule.RuleListener;
    },
  };
}
