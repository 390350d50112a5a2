package org.finassist.ocr.quality;

/**
 * Motion blur smears edges along one direction only, which the Laplacian (a sum over directions) misses; this
 * check compares second-derivative variance across four directions.
 */
record MotionBlurCheck(double minBalance) implements ImageQualityCheck {

    @Override
    public String name() {
        return "motionBlur";
    }

    @Override
    public QualityResult check(CardView view) {
        if (view.cardLuma() == null || !view.region().found()) {
            return QualityResult.skipped(name());
        }
        double balance = view.cardLuma().directionalBalance();
        return balance >= minBalance ? QualityResult.pass(name(), balance, minBalance)
                : QualityResult.fail(name(), balance, minBalance, "照片有拖影，请拿稳手机，等对焦完成后再按下快门。");
    }
}
