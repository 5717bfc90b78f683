package dev.kelas.auth.invitation.dto;

import java.util.List;

/** One page (from 0) of the school's invitations, newest first, with the total. */
public record InvitationPage(List<InvitationResponse> items, int page, int size, long total) {
}
