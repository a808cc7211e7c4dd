package dev.fairway.web;

/** A 400: the request is malformed or a field is out of range. The detail names the field. */
public final class InvalidRequestException extends ProblemException {

    private final String field;

    public InvalidRequestException(String field, String detail) {
        super(Problem.of(400, "invalid-request", "The request is not valid", detail));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
