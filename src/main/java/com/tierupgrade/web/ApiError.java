package com.tierupgrade.web;

import java.util.List;

/** The JSON body of every error answer: what went wrong and, for bad input, which fields. */
public record ApiError(int status, String error, String message, List<FieldProblem> problems) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, List.of());
    }
}
