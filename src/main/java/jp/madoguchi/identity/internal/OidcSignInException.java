package jp.madoguchi.identity.internal;

/** A refused OpenID Connect sign-in: the problem shown to the resident, and a detail for the log only. */
public class OidcSignInException extends Exception {

    private final SignInProblem problem;

    OidcSignInException(SignInProblem problem, String logDetail) {
        super(problem.code() + ": " + logDetail);
        this.problem = problem;
    }

    OidcSignInException(SignInProblem problem, String logDetail, Throwable cause) {
        super(problem.code() + ": " + logDetail, cause);
        this.problem = problem;
    }

    public SignInProblem problem() {
        return problem;
    }
}
