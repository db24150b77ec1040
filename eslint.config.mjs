// The same rule sets n8n's verification scan applies (@n8n/node-cli's config): typescript-eslint,
// @n8n/eslint-plugin-community-nodes (recommended, Cloud rules included) and eslint-plugin-n8n-nodes-base
// (community, credentials, nodes). Tests and tooling are outside nodes/ and credentials/ and are not linted here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsonParser from 'jsonc-eslint-parser';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'e2e/**', 'bench/**', 'scripts/**', 'simulator/**'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended, communityConfigs.recommended],
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsonParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': communityConfigs.recommended.plugins['@n8n/community-nodes'] },
		rules: {
			...n8nNodesBase.configs.community.rules,
			...Object.fromEntries(
				Object.entries(communityConfigs.recommended.rules).filter(([name]) =>
					[
						'n8n-object-validation',
						'no-runtime-dependencies',
						'valid-peer-dependencies',
						'package-name-convention',
						'no-overrides-field',
						'no-forbidden-lifecycle-scripts',
						'require-version',
						'valid-author',
						'valid-description',
						'no-template-placeholders',
						'require-files-array',
						'require-homepage',
						'node-registration-complete',
						'ai-node-package-json',
					].some((rule) => name.endsWith(`/${rule}`)),
				),
			),
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
