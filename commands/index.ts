/**
 * The slash commands, listed explicitly (style.md rule 1). Each command is one file in this folder with its
 * definition, option schema and run(); the catalogue arrives with the commands issue.
 */
export const commands = [] as const;
