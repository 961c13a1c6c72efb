// Fills an empty document with the built-in demo workshop in one transaction.
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../schema/origin';
import {
  addCard,
  addField,
  addGoal,
  addMeasure,
  initWorkshop,
  setStrategyText,
} from '../model/commands';
import { DEMO_WORKSHOP, type DemoWorkshop } from './demoContent';

/** Card timestamps start here so that the demo looks the same on every machine. */
const DEMO_CARDS_CREATED_AT = Date.UTC(2027, 2, 11, 9, 30);
const DEMO_CARD_INTERVAL_MS = 47_000;

export function seedDemo(doc: Y.Doc, demo: DemoWorkshop = DEMO_WORKSHOP): void {
  doc.transact(() => {
    initWorkshop(doc, demo.workshop);
    setStrategyText(doc, 'title', demo.strategy.title);
    setStrategyText(doc, 'organisation', demo.strategy.organisation);
    setStrategyText(doc, 'vision', demo.strategy.vision);
    let cardIndex = 0;
    for (const field of demo.fields) {
      const fieldId = addField(doc, field);
      for (const goal of field.goals) {
        const goalId = addGoal(doc, fieldId, goal);
        for (const measure of goal.measures) addMeasure(doc, goalId, measure);
      }
      for (const card of field.cards) {
        addCard(doc, fieldId, {
          ...card,
          createdAt: DEMO_CARDS_CREATED_AT + cardIndex++ * DEMO_CARD_INTERVAL_MS,
        });
      }
    }
  }, LOCAL_ORIGIN);
}
