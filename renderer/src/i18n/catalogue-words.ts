import { useTranslation } from 'react-i18next';
import type { JointId, Mode, MotionId, Side } from '../../../shared/domain/catalogue';

export interface CatalogueWords {
  joint(joint: JointId): string;
  motion(motion: MotionId): string;
  side(side: Side): string;
  mode(mode: Mode): string;
}

/**
 * The catalogue's names in the screen's language. The catalogue (shared/domain/catalogue) keeps its English
 * labels for the back end and the exports; screens name joints, motions, sides and modes through here. Each
 * template key is checked by the compiler against the English source for every joint, motion, side and mode.
 */
export function useCatalogueWords(): CatalogueWords {
  const { t } = useTranslation();
  return {
    joint: (joint) => t(`joint.${joint}`),
    motion: (motion) => t(`motion.${motion}`),
    side: (side) => t(`side.${side}`),
    mode: (mode) => t(`mode.${mode}`),
  };
}
