import { App } from 'cdktf';
import { Estate } from '../model/estate';

export interface EmitVsphereOptions {
  readonly progress?: (done: number, total: number) => void;
}

/** Creates the platform stack and one stack per vSphere system under `app`. (Work in progress.) */
export function emitVsphere(app: App, estate: Estate, options: EmitVsphereOptions = {}): void {
  void app;
  void estate;
  void options;
}
