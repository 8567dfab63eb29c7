package dev.powspring.invitation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.EmailVerifiedEvent;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserIdField;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.user.ValidationCodes;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowUrls;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inviting, for signed-in users the policy allows; accepting, for the anonymous invited
 * user. Accepting runs through the controller callbacks as {@link #ACCEPT}.
 * <p>
 * Each is published about the invited user, with the inviter as detail
 * {@value #INVITED_BY}: {@link PowAuthEventType#INVITATION_SENT} (detail
 * {@code resend=true} when sent again), {@link PowAuthEventType#INVITATION_REVOKED} and
 * {@link PowAuthEventType#INVITATION_ACCEPTED}. An acceptance sets the password and may
 * confirm the address; it is published as the acceptance alone.
 */
@Controller
@PowController
@RequestMapping("/invitations")
@CsrfProtected
public class InvitationController extends PowControllerSupport {

	/** Accepting an invitation, as callbacks see it. */
	public static final PowAction ACCEPT = new PowAction("invitation_accept");

	/** Invite someone, as the callbacks see it. */
	public static final PowAction CREATE = new PowAction("invitation_create");

	/** Send an invitation again, as the callbacks see it. */
	public static final PowAction RESEND = new PowAction("invitation_resend");

	/** Revoke an invitation, as the callbacks see it. */
	public static final PowAction REVOKE = new PowAction("invitation_revoke");

	/** The invitation form's template. */
	public static final String NEW_VIEW = "pow/invitation/new";

	/** The page showing a link to share. */
	public static final String SHOW_VIEW = "pow/invitation/show";

	/** The invited user's form. */
	public static final String EDIT_VIEW = "pow/invitation/edit";

	/** Detail of the invitation events: the primary key of the inviter. */
	public static final String INVITED_BY = "invited_by";

	private final Invitations invitations;

	private final InvitationPolicy policy;

	private final InvitationMails mails;

	private final InvitationMessages invitationMessages;

	private final PowUrls urls;

	private final ApplicationEventPublisher events;

	private final boolean preventUserEnumeration;

	private final PowAuthEvents authEvents;

	private RequestThrottle throttle;

	/**
	 * Create an instance.
	 * @param collaborators the core services
	 * @param invitations the invitations
	 * @param policy who may invite
	 * @param mails sends invitations
	 * @param invitationMessages the flash messages
	 * @param urls builds the links
	 * @param events publishes that an invited user proved the invited address
	 * @param authEvents publishes what happened to invitations
	 * @param preventUserEnumeration whether inviting an address that has an account looks
	 * like success
	 */
	public InvitationController(Collaborators collaborators, Invitations invitations, InvitationPolicy policy,
			InvitationMails mails, InvitationMessages invitationMessages, PowUrls urls, ApplicationEventPublisher events,
			PowAuthEvents authEvents, boolean preventUserEnumeration) {
		super(collaborators);
		this.invitations = invitations;
		this.policy = policy;
		this.mails = mails;
		this.invitationMessages = invitationMessages;
		this.urls = urls;
		this.events = events;
		this.authEvents = authEvents;
		this.preventUserEnumeration = preventUserEnumeration;
	}

	/**
	 * Limit invitations per inviter and per client address.
	 * @param throttle the throttle, or {@code null} for no limit
	 */
	public void setThrottle(RequestThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Tell the invitation form whether to ask for an email address besides the user id:
	 * when users sign in by user name and have an email column.
	 * @return whether the form has an email field
	 */
	@ModelAttribute("powInvitationEmailField")
	public boolean invitationEmailField() {
		return userIdField() == UserIdField.USERNAME && users().storesEmails();
	}

	/**
	 * Show the invitation form and the pending invitations of the user.
	 */
	@GetMapping("/new")
	@RequireAuthenticated
	public String newInvitation(HttpServletRequest request, Model model) {
		PowUser inviter = inviter(request);
		model.addAttribute("user", new UserParams());
		model.addAttribute("pending", this.invitations.pendingOf(inviter.getId()));
		return NEW_VIEW;
	}

	/**
	 * Invite: store the invited user without a password, and mail the link (or show it,
	 * when users sign in by user name).
	 */
	@PostMapping
	@RequireAuthenticated
	public String create(@ModelAttribute("user") UserParams params, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		PowUser inviter = inviter(request);
		Optional<Duration> refused = (this.throttle != null) ? this.throttle.attempt(request, inviter.getUserId())
				: Optional.empty();
		if (refused.isPresent()) {
			model.addAttribute(PowFlash.ERROR, tooManyAttempts(request, response, refused.get()));
			model.addAttribute("pending", this.invitations.pendingOf(inviter.getId()));
			return NEW_VIEW;
		}
		AtomicReference<String> sent = new AtomicReference<>();
		return perform(context(CREATE, request, response, redirectAttributes, params, inviter), (context) -> {
			UserResult result = users().createWithoutPassword(params);
			if (!result.succeeded()) {
				return context.withOutcome(null, result.errors());
			}
			sent.set(send(request, redirectAttributes, inviter, result.user(), false));
			return context.withOutcome(result.user(), null);
		}, (outcome) -> {
			if (outcome.succeeded()) {
				return sent.get();
			}
			if (this.preventUserEnumeration && ValidationCodes.onlyUserIdTaken(outcome.errors())) {
				// Looks like an invitation went out; nothing reaches the address's owner.
				PowFlash.info(redirectAttributes, this.invitationMessages.invitationEmailSent(request));
				return redirectTo(invitePath());
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "user", outcome.errors());
			model.addAttribute("pending", this.invitations.pendingOf(inviter.getId()));
			return NEW_VIEW;
		});
	}

	/**
	 * Send a pending invitation again, with a new link; the old one stops working.
	 */
	@PostMapping("/{invitedId}/resend")
	@RequireAuthenticated
	public String resend(@PathVariable Long invitedId, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser inviter = inviter(request);
		AtomicReference<String> sent = new AtomicReference<>();
		return perform(context(RESEND, request, response, redirectAttributes, null, inviter), (context) -> {
			Optional<PowUser> invited = pendingInvitee(inviter, invitedId);
			invited.ifPresent((pending) -> sent.set(send(request, redirectAttributes, inviter, pending, true)));
			return context.withOutcome(invited.orElse(null), null);
		}, (outcome) -> {
			if (!outcome.succeeded()) {
				PowFlash.error(redirectAttributes, this.invitationMessages.invalidInvitation(request));
				return redirectTo(invitePath());
			}
			return sent.get();
		});
	}

	/**
	 * Revoke a pending invitation: the invited user, who has no password yet, is deleted.
	 */
	@DeleteMapping("/{invitedId}")
	@RequireAuthenticated
	public String revoke(@PathVariable Long invitedId, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser inviter = inviter(request);
		return perform(context(REVOKE, request, response, redirectAttributes, null, inviter), (context) -> {
			Optional<PowUser> invited = pendingInvitee(inviter, invitedId);
			invited.ifPresent((pending) -> {
				users().delete(pending);
				this.authEvents.of(PowAuthEventType.INVITATION_REVOKED, pending)
					.detail(INVITED_BY, inviter.getId())
					.publish(request);
			});
			return context.withOutcome(invited.orElse(null), null);
		}, (outcome) -> {
			if (outcome.succeeded()) {
				PowFlash.info(redirectAttributes, this.invitationMessages.invitationRevoked(request));
			}
			else {
				PowFlash.error(redirectAttributes, this.invitationMessages.invalidInvitation(request));
			}
			return redirectTo(invitePath());
		});
	}

	/**
	 * Show the link to share, for invited users without an email address.
	 */
	@GetMapping("/{token}")
	@RequireAuthenticated
	public String show(@PathVariable String token, HttpServletRequest request, RedirectAttributes redirectAttributes,
			Model model) {
		if (this.invitations.find(token).isEmpty()) {
			PowFlash.error(redirectAttributes, this.invitationMessages.invalidInvitation(request));
			return redirectTo(invitePath());
		}
		// Shown to the inviter only: without a trusted host, the link is shown as a path.
		model.addAttribute("url", acceptUrl(request, token).orElse(acceptPath(token)));
		return SHOW_VIEW;
	}

	/**
	 * Show the invited user's form.
	 */
	@GetMapping("/{token}/edit")
	@RequireNotAuthenticated
	public String edit(@PathVariable String token, HttpServletRequest request,
			RedirectAttributes redirectAttributes, Model model) {
		Optional<PowUser> invited = this.invitations.find(token)
			.flatMap((invitation) -> users().getById(invitation.invitedId()));
		if (invited.isEmpty()) {
			return invalid(request, redirectAttributes);
		}
		UserParams params = new UserParams();
		params.setUserId(invited.get().getUserId());
		model.addAttribute("user", params);
		model.addAttribute("token", token);
		return EDIT_VIEW;
	}

	/**
	 * Accept: set the password (and perhaps another user id), and sign in.
	 */
	@RequestMapping(path = "/{token}", method = { RequestMethod.PATCH, RequestMethod.PUT })
	@RequireNotAuthenticated
	public String accept(@PathVariable String token, @ModelAttribute("user") UserParams params,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
			Model model) {
		Optional<Invitations.Claimed> claimed = this.invitations.claim(token);
		Optional<PowUser> invited = claimed.flatMap((claim) -> users().getById(claim.invitation().invitedId()));
		if (invited.isEmpty()) {
			return invalid(request, redirectAttributes);
		}
		Optional<String> invitedAddress = users().emailOf(invited.get());
		return perform(context(ACCEPT, request, response, redirectAttributes, params, null), (context) -> {
			UserResult result = users().update(invited.get(), params);
			if (!result.succeeded()) {
				this.invitations.restore(claimed.get());
				return context.withOutcome(null, result.errors());
			}
			if (invitedAddress.isPresent() && invitedAddress.equals(users().emailOf(result.user()))) {
				// The invitation went to this address: owning it is proven. Internal: email
				// confirmation publishes no event of its own for it.
				this.events.publishEvent(new EmailVerifiedEvent(this, result.user().getId(), invitedAddress.get()));
			}
			// The one event of an acceptance, though it also set the password; the sign-in
			// that follows is the core's.
			this.authEvents.of(PowAuthEventType.INVITATION_ACCEPTED, result.user())
				.detail(INVITED_BY, claimed.get().invitation().inviterId())
				.publish(request);
			return signIn(context, result.user(), result.errors());
		}, (outcome) -> {
			if (outcome.succeeded()) {
				PowFlash.info(redirectAttributes, messages().userHasBeenCreated(request));
				return redirectTo(routes().afterRegistrationPath(request));
			}
			params.setPassword(null);
			params.setPasswordConfirmation(null);
			model.addAttribute("token", token);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "user", outcome.errors());
			return EDIT_VIEW;
		});
	}

	private String send(HttpServletRequest request, RedirectAttributes redirectAttributes, PowUser inviter,
			PowUser invited, boolean resend) {
		String token = this.invitations.issue(invited.getId(), inviter.getId());
		// Sent whether it is mailed or its link is shown to the inviter to share.
		this.authEvents.of(PowAuthEventType.INVITATION_SENT, invited)
			.detail(INVITED_BY, inviter.getId())
			.detail("resend", resend ? "true" : null)
			.publish(request);
		Optional<String> address = users().emailOf(invited);
		if (address.isEmpty()) {
			// No address to mail: the inviter shares the link.
			return redirectTo(routes().path("/invitations/" + token));
		}
		acceptUrl(request, token).ifPresent((url) -> this.mails.sendInvitation(request, inviter, address.get(), url));
		PowFlash.info(redirectAttributes, this.invitationMessages.invitationEmailSent(request));
		return redirectTo(invitePath());
	}

	private Optional<PowUser> pendingInvitee(PowUser inviter, Long invitedId) {
		return this.invitations.isPending(inviter.getId(), invitedId) ? users().getById(invitedId) : Optional.empty();
	}

	private PowUser inviter(HttpServletRequest request) {
		PowUser inviter = PowCurrentUser.get(request).orElseThrow();
		if (!this.policy.mayInvite(inviter)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return inviter;
	}

	private Optional<String> acceptUrl(HttpServletRequest request, String token) {
		return this.urls.absolute(request, acceptPath(token));
	}

	private String acceptPath(String token) {
		return routes().path("/invitations/" + token + "/edit");
	}

	private String invitePath() {
		return routes().path("/invitations/new");
	}

	private String invalid(HttpServletRequest request, RedirectAttributes redirectAttributes) {
		PowFlash.error(redirectAttributes, this.invitationMessages.invalidInvitation(request));
		return redirectTo(routes().signInPath());
	}

}
