package jp.madoguchi.counter.internal;

/** A visit step that cannot be done, with the Japanese message saying why. */
class VisitException extends RuntimeException {

    VisitException(String message) {
        super(message);
    }
}
