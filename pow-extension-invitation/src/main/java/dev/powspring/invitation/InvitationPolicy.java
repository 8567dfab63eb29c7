package dev.powspring.invitation;

import dev.powspring.user.PowUser;

/**
 * Decides who may invite. Pow's default lets every signed-in user; declare a bean of this
 * type to restrict it, to administrators say.
 */
@FunctionalInterface
public interface InvitationPolicy {

	/**
	 * Tell whether the user may invite others.
	 * @param inviter the signed-in user
	 * @return {@code true} to allow
	 */
	boolean mayInvite(PowUser inviter);

}
