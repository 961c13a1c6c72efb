// The demo workshop scaled to a given number of cards, for benchmarks: the real
// texts, repeated across the five Handlungsfelder with a running number.
import { DEMO_WORKSHOP, type DemoWorkshop } from '../shared/demo/demoContent';

export function scaledDemo(cardCount: number): DemoWorkshop {
  const fields = DEMO_WORKSHOP.fields;
  const all = fields.flatMap((field) => field.cards);
  const perField = Math.ceil(cardCount / fields.length);
  let made = 0;
  return {
    ...DEMO_WORKSHOP,
    fields: fields.map((field) => {
      const cards = [];
      for (let index = 0; index < perField && made < cardCount; index++, made++) {
        const source = all[made % all.length] as (typeof all)[number];
        cards.push({ author: source.author, text: `${source.text} (#${made + 1})` });
      }
      return { ...field, cards };
    }),
  };
}
