package org.finassist.ocr.intake;

/** Why an upload was refused: a stable code and the message shown to the customer. */
public enum IntakeError {
    EMPTY("图片为空，请重新拍摄或选择证件照片。"),
    TOO_LARGE("图片文件过大，请压缩后重新上传（不超过上限）。"),
    UNSUPPORTED_FORMAT("仅支持 JPEG、PNG 或 WebP 格式的照片，请重新拍摄后上传。"),
    TOO_MANY_PIXELS("图片尺寸过大，请使用手机相机正常拍摄的照片。"),
    TOO_SMALL("图片分辨率过低，请靠近证件重新拍摄。"),
    CORRUPT("图片文件已损坏或不完整，请重新拍摄后上传。"),
    /** Decoding would cost more than the budget (an extreme compression ratio, deep samples) or ran out of time. */
    TOO_COMPLEX("图片无法在规定时间内处理，请直接上传手机相机拍摄的照片。");

    private final String message;

    IntakeError(String message) {
        this.message = message;
    }

    /** The customer-facing message (Chinese). */
    public String message() {
        return message;
    }
}
