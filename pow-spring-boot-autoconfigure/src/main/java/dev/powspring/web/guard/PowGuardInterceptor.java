package dev.powspring.web.guard;

import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.powspring.realm.PowRealm;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.user.UserRoles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies {@link RequireAuthenticated @RequireAuthenticated},
 * {@link RequireNotAuthenticated @RequireNotAuthenticated} and
 * {@link RequireRole @RequireRole}, and the path patterns of {@code pow.guards.*}. An
 * annotation on the handler method wins over one on its controller, which wins over the
 * path patterns; of the patterns, those of roles are checked first.
 */
public class PowGuardInterceptor implements HandlerInterceptor {

	private final List<PathPattern> authenticatedPaths;

	private final List<PathPattern> notAuthenticatedPaths;

	private Map<String, List<PathPattern>> rolePaths = Map.of();

	private final PowAuthErrorHandler errorHandler;

	private final SignedInCheck signedInCheck;

	// Annotations never change at runtime; weak keys let a redeployed class loader go.
	private final Map<AnnotatedElement, Requirement> annotations = new ConcurrentReferenceHashMap<>(256,
			ConcurrentReferenceHashMap.ReferenceType.WEAK);

	/**
	 * Create an instance.
	 * @param authenticatedPaths patterns of paths that need a signed-in user
	 * @param notAuthenticatedPaths patterns of paths that need an anonymous user
	 * @param errorHandler answers refused requests
	 * @param signedInCheck tells whether a request is signed in
	 */
	public PowGuardInterceptor(List<String> authenticatedPaths, List<String> notAuthenticatedPaths,
			PowAuthErrorHandler errorHandler, SignedInCheck signedInCheck) {
		this.authenticatedPaths = parse(authenticatedPaths);
		this.notAuthenticatedPaths = parse(notAuthenticatedPaths);
		this.errorHandler = errorHandler;
		this.signedInCheck = signedInCheck;
	}

	private static List<PathPattern> parse(List<String> patterns) {
		return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/**
	 * Reserve paths for users with a role ({@code pow.guards.role-paths}).
	 * @param rolePaths path patterns by role name
	 */
	public void setRolePaths(Map<String, List<String>> rolePaths) {
		Map<String, List<PathPattern>> parsed = new LinkedHashMap<>();
		rolePaths.forEach((role, patterns) -> parsed.put(UserRoles.of(Set.of(role)).iterator().next(),
				parse(patterns)));
		this.rolePaths = Map.copyOf(parsed);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Requirement requirement = requirement(request, handler);
		if (requirement == Requirement.NONE) {
			return true;
		}
		// A user of another realm is anonymous here.
		boolean signedIn = requirement.inRealmOf(request) && this.signedInCheck.isSignedIn(request);
		if (requirement.kind() != Kind.NOT_AUTHENTICATED && !signedIn) {
			this.errorHandler.notAuthenticated(request, response);
			return false;
		}
		if (requirement.kind() == Kind.NOT_AUTHENTICATED && signedIn) {
			this.errorHandler.alreadyAuthenticated(request, response);
			return false;
		}
		if (requirement.kind() == Kind.ROLE && !hasAnyRole(request, requirement.roles())) {
			this.errorHandler.forbidden(request, response);
			return false;
		}
		return true;
	}

	/**
	 * Tell whether the guards reserve the request for anonymous users, by annotation or
	 * path pattern.
	 * @param request the request
	 * @param handler the handler that serves it
	 * @return {@code true} when it needs an anonymous user
	 */
	public boolean requiresNotAuthenticated(HttpServletRequest request, Object handler) {
		return requirement(request, handler).kind() == Kind.NOT_AUTHENTICATED;
	}

	private Requirement requirement(HttpServletRequest request, Object handler) {
		if (handler instanceof HandlerMethod handlerMethod) {
			Requirement onMethod = this.annotations.computeIfAbsent(handlerMethod.getMethod(),
					PowGuardInterceptor::annotated);
			if (onMethod != Requirement.NONE) {
				return onMethod;
			}
			Requirement onType = this.annotations.computeIfAbsent(handlerMethod.getBeanType(),
					PowGuardInterceptor::annotated);
			if (onType != Requirement.NONE) {
				return onType;
			}
		}
		PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
				: PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Map.Entry<String, List<PathPattern>> role : this.rolePaths.entrySet()) {
			if (matches(role.getValue(), path)) {
				return new Requirement(Kind.ROLE, Set.of(role.getKey()), "");
			}
		}
		if (matches(this.authenticatedPaths, path)) {
			return Requirement.AUTHENTICATED;
		}
		if (matches(this.notAuthenticatedPaths, path)) {
			return Requirement.NOT_AUTHENTICATED;
		}
		return Requirement.NONE;
	}

	private static Requirement annotated(AnnotatedElement element) {
		RequireRole role = AnnotatedElementUtils.findMergedAnnotation(element, RequireRole.class);
		if (role != null) {
			return new Requirement(Kind.ROLE, UserRoles.of(List.of(role.value())), role.realm());
		}
		RequireAuthenticated authenticated = AnnotatedElementUtils.findMergedAnnotation(element,
				RequireAuthenticated.class);
		if (authenticated != null) {
			return new Requirement(Kind.AUTHENTICATED, Set.of(), authenticated.realm());
		}
		if (AnnotatedElementUtils.hasAnnotation(element, RequireNotAuthenticated.class)) {
			return Requirement.NOT_AUTHENTICATED;
		}
		return Requirement.NONE;
	}

	private static boolean matches(List<PathPattern> patterns, PathContainer path) {
		return patterns.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private static boolean hasAnyRole(HttpServletRequest request, Set<String> roles) {
		return PowCurrentUser.get(request).filter((user) -> roles.stream().anyMatch(user::hasRole)).isPresent();
	}

	private enum Kind {

		AUTHENTICATED, NOT_AUTHENTICATED, ROLE, NONE

	}

	private record Requirement(Kind kind, Set<String> roles, String realm) {

		static final Requirement AUTHENTICATED = new Requirement(Kind.AUTHENTICATED, Set.of(), "");

		static final Requirement NOT_AUTHENTICATED = new Requirement(Kind.NOT_AUTHENTICATED, Set.of(), "");

		static final Requirement NONE = new Requirement(Kind.NONE, Set.of(), "");

		boolean inRealmOf(HttpServletRequest request) {
			return this.realm.isEmpty() || this.realm.equals(PowRealm.of(request));
		}

	}

}
