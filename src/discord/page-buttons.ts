import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { csvButtonId, pageButtonId } from './pager.ts';

/** The buttons under page `page` of a stored reply: previous and next when it has pages, and CSV. */
export function pageButtons(
  state: string | undefined,
  page: number,
  pages: number,
  csv: boolean,
): ActionRowBuilder<ButtonBuilder>[] {
  if (!state) return [];
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (pages > 1) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(pageButtonId(state, page - 1))
        .setLabel('◀ Previous')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page === 0),
      new ButtonBuilder()
        .setCustomId(pageButtonId(state, page + 1))
        .setLabel('Next ▶')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page >= pages - 1),
    );
  }
  if (csv)
    row.addComponents(
      new ButtonBuilder().setCustomId(csvButtonId(state)).setLabel('CSV').setStyle(ButtonStyle.Secondary),
    );
  return row.components.length > 0 ? [row] : [];
}
