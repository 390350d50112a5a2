package org.finassist.server.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Stable codes and customer wording for the errors the framework raises before a controller runs. */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static String forException(Exception e, HttpStatusCode status) {
        return switch (e) {
            case HttpMessageNotReadableException x -> "malformed_body";
            case HttpMediaTypeNotSupportedException x -> "unsupported_media_type";
            case HttpMediaTypeNotAcceptableException x -> "not_acceptable";
            case HttpRequestMethodNotSupportedException x -> "method_not_allowed";
            case MissingServletRequestPartException x -> "missing_part";
            case MissingServletRequestParameterException x -> "missing_parameter";
            case MethodArgumentTypeMismatchException x -> "bad_parameter";
            case MaxUploadSizeExceededException x -> "too_large";
            case MultipartException x -> "malformed_multipart";
            case NoResourceFoundException x -> "not_found";
            default -> forStatus(status.value());
        };
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    static String customerMessage(HttpStatusCode status) {
        return switch (status.value()) {
            case 401, 403 -> "您没有权限进行此操作，请重新登录后再试。";
            case 404 -> "您要找的内容不存在或已过期。";
            case 413 -> "上传的内容太大了，请压缩后重试。";
            case 415 -> "不支持的内容格式，请检查后重试。";
            case 429 -> "请求太频繁了，请稍后再试。";
            case 503 -> "服务繁忙，请稍后再试。";
            default -> status.is5xxServerError() ? "系统开小差了，请稍后再试。" : Problems.GENERIC_MESSAGE;
        };
    }
}
