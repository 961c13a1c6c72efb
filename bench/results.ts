// The shape of bench/results.json: metrics keyed by name, plus the machine.
import os from 'node:os';

export interface Metric {
  readonly value: number;
  readonly unit: string;
  readonly goal: number;
  readonly better: 'lower' | 'higher';
}

export type Metrics = Record<string, Metric>;

export function describeMachine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function meetsGoal(metric: Metric): boolean {
  return metric.better === 'lower' ? metric.value <= metric.goal : metric.value >= metric.goal;
}
