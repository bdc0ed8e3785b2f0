/**
 * Draws docs/alert-posts.png for the README: an acknowledged alert post, and a resolved one with the reply
 * that says so, as Discord's dark theme shows them. The texts are the bot's own (src/core/alert-posts.ts,
 * the same functions the alert job posts with); only the drawing is a mock of Discord.
 *
 *   npx tsx dev/alert-picture.ts [out.png]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { alertPost, type AlertPostContent } from '../src/core/alert-posts.ts';
import type { PostEmbed } from '../src/core/summary-post.ts';

const TZ = 'America/New_York';
const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00-04:00`);
const fired: AlertPostContent = {
  rule: 'census',
  seq: 7,
  kind: 'fired',
  happenedAt: at('14:05'),
  firedAt: null,
  measured: 31,
  threshold: 30,
};
const acknowledged = { name: 'Dana Reyes', at: at('14:09') };

interface Shown {
  time: string;
  embed: PostEmbed;
  button?: string;
  replyTo?: string;
  edited?: boolean;
}
const messages: { heading: string; posts: Shown[] }[] = [
  {
    heading: 'Acknowledged',
    posts: [{ time: '14:05', embed: alertPost(fired, TZ, 5, { acknowledged }), button: 'Acknowledge' }],
  },
  {
    heading: 'Resolved (the post edited, and a reply)',
    posts: [
      {
        time: '14:05',
        embed: alertPost(fired, TZ, 5, { acknowledged, resolvedAt: at('14:52') }),
        edited: true,
      },
      {
        time: '14:52',
        replyTo: '✓ ER census: resolved',
        embed: alertPost(
          { ...fired, seq: 8, kind: 'cleared', happenedAt: at('14:52'), firedAt: at('14:05'), measured: 27 },
          TZ,
          5,
        ),
      },
    ],
  },
];

const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'Sans');
GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), 'SansBold');

const W = 820;
const LEFT = 72;
const EMBED_W = 640;
const font = (bold: boolean, size: number) => `${size}px ${bold ? 'SansBold' : 'Sans'}`;

/** Markdown as Discord renders the bot's texts: **bold** runs, backslash escapes. */
function runs(text: string): { text: string; bold: boolean }[] {
  return text.split('**').map((part, i) => ({ text: part.replace(/\\(.)/g, '$1'), bold: i % 2 === 1 }));
}

/** Draws wrapped text from (x, y) within `width`; returns the y after it. */
function paragraph(
  c: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  color: string,
  lineH: number,
  allBold = false,
): number {
  for (const line of text.split('\n')) {
    let cx = x;
    for (const run of runs(line)) {
      c.font = font(allBold || run.bold, size);
      for (const word of run.text.split(/(?<= )/)) {
        const w = c.measureText(word).width;
        if (cx + w > x + width && cx > x) {
          cx = x;
          y += lineH;
        }
        c.fillStyle = color;
        c.fillText(word, cx, y);
        cx += w;
      }
    }
    y += lineH;
  }
  return y;
}

function draw(c: SKRSContext2D | undefined): number {
  const measure = c ?? createCanvas(W, 10).getContext('2d');
  let y = 24;
  for (const { heading, posts } of messages) {
    measure.font = font(true, 13);
    if (c) {
      c.fillStyle = '#949ba4';
      c.fillText(heading.toUpperCase(), 20, y + 12);
    }
    y += 30;
    for (const p of posts) {
      if (p.replyTo) {
        if (c) {
          c.strokeStyle = '#4e5058';
          c.lineWidth = 2;
          c.beginPath();
          c.moveTo(38, y + 14);
          c.lineTo(38, y + 6);
          c.lineTo(LEFT - 6, y + 6);
          c.stroke();
          c.font = font(false, 13);
          c.fillStyle = '#b5bac1';
          c.fillText(`@hers-bot  ${p.replyTo}`, LEFT, y + 11);
        }
        y += 20;
      }
      if (c) {
        c.fillStyle = '#5865f2';
        c.beginPath();
        c.arc(38, y + 20, 20, 0, Math.PI * 2);
        c.fill();
        c.font = font(true, 14);
        c.fillStyle = '#ffffff';
        c.fillText('H', 33, y + 25);
        c.font = font(true, 16);
        c.fillStyle = '#f2f3f5';
        c.fillText('hers-bot', LEFT, y + 16);
        c.fillStyle = '#5865f2';
        c.fillRect(LEFT + 80, y + 3, 34, 17);
        c.font = font(true, 11);
        c.fillStyle = '#ffffff';
        c.fillText('APP', LEFT + 86, y + 16);
        c.font = font(false, 12);
        c.fillStyle = '#949ba4';
        c.fillText(`Today at ${p.time}${p.edited ? '  (edited)' : ''}`, LEFT + 124, y + 16);
      }
      y += 28;
      // The embed: measured first (into a canvas that is thrown away), then drawn at its height.
      const top = y;
      const inner = EMBED_W - 32;
      const body = (ctx: SKRSContext2D) => {
        let ey = top + 26;
        ey = paragraph(ctx, p.embed.title, LEFT + 16, ey, inner, 16, '#f2f3f5', 22, true) + 4;
        ey = paragraph(ctx, p.embed.description, LEFT + 16, ey, inner, 14, '#dbdee1', 20) + 6;
        return paragraph(ctx, p.embed.footer.text, LEFT + 16, ey, inner, 12, '#949ba4', 16);
      };
      const bottom = body(createCanvas(W, 2000).getContext('2d')) + 4;
      if (c) {
        c.fillStyle = '#2b2d31';
        c.fillRect(LEFT, top, EMBED_W, bottom - top);
        c.fillStyle = `#${p.embed.color.toString(16).padStart(6, '0')}`;
        c.fillRect(LEFT, top, 4, bottom - top);
        body(c);
      }
      y = bottom + 8;
      if (p.button) {
        if (c) {
          c.font = font(true, 14);
          c.fillStyle = '#5865f2';
          c.fillRect(LEFT, y, c.measureText(p.button).width + 32, 32);
          c.fillStyle = '#ffffff';
          c.fillText(p.button, LEFT + 16, y + 21);
        }
        y += 40;
      }
      y += 14;
    }
    y += 10;
  }
  return y;
}

const height = draw(undefined);
const canvas = createCanvas(W, height);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#313338';
ctx.fillRect(0, 0, W, height);
draw(ctx);
const out = process.argv[2] ?? 'docs/alert-posts.png';
writeFileSync(out, canvas.toBuffer('image/png'));
console.log(`wrote ${out} (${W}x${height})`);
