/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files on Windows and elsewhere: replacing a file, owner-only access, raw writes, and where
 * the translations are.  The only file of the core that asks which platform it runs on. */
#define G_LOG_DOMAIN "td-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_WIN32
#include <aclapi.h>
#include <io.h>
#include <windows.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "core/td-file-private.h"
#include "core/td-file.h"

#ifdef G_OS_WIN32

gssize
td_file_platform_write (int fd, const void *data, gsize len)
{
  return _write (fd, data, (unsigned int) MIN (len, G_MAXINT));
}

int
td_file_platform_sync (int fd)
{
  return _commit (fd);
}

gboolean
td_file_platform_replace (const char *temp, const char *path, GError **error)
{
  g_autofree gunichar2 *wtemp = g_utf8_to_utf16 (temp, -1, NULL, NULL, NULL);
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  DWORD code;

  if (wtemp != NULL && wpath != NULL
      && MoveFileExW (wtemp, wpath, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return TRUE;
  code = GetLastError ();
  if (code == ERROR_SHARING_VIOLATION || code == ERROR_LOCK_VIOLATION
      || code == ERROR_USER_MAPPED_FILE || code == ERROR_ACCESS_DENIED)
    {
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_IN_USE,
                   _("%s is open in another program (for example Excel or a PDF viewer), "
                     "or may not be changed: close it there and try again, or choose another "
                     "file name. The file was left as it was."), path);
      return FALSE;
    }
  td_file_set_error_from_errno (error, path, code == ERROR_DISK_FULL ? ENOSPC
                                             : code == ERROR_FILENAME_EXCED_RANGE ? ENAMETOOLONG
                                             : code == ERROR_PATH_NOT_FOUND ? ENOENT : EIO);
  return FALSE;
}

/* The SID of the user this process runs as (free with g_free), or NULL. */
static TOKEN_USER *
current_user (void)
{
  HANDLE token = NULL;
  DWORD size = 0;
  TOKEN_USER *user = NULL;

  if (!OpenProcessToken (GetCurrentProcess (), TOKEN_QUERY, &token))
    return NULL;
  GetTokenInformation (token, TokenUser, NULL, 0, &size);
  if (size > 0)
    {
      user = g_malloc0 (size);
      if (!GetTokenInformation (token, TokenUser, user, size, &size))
        g_clear_pointer (&user, g_free);
    }
  CloseHandle (token);
  return user;
}

/* Whether the volume of @path keeps file ACLs at all (NTFS does; FAT32 and exFAT, as on
 * most USB sticks, do not: there every user of the computer can read every file). */
static gboolean
volume_keeps_acls (const gunichar2 *wpath)
{
  wchar_t root[MAX_PATH + 1];
  DWORD flags = 0;

  if (!GetVolumePathNameW ((LPCWSTR) wpath, root, G_N_ELEMENTS (root))
      || !GetVolumeInformationW (root, NULL, 0, NULL, NULL, &flags, NULL, 0))
    return TRUE;
  return (flags & FILE_PERSISTENT_ACLS) != 0;
}

/* Owner-only: no entry of the DACL lets anyone but the user, the system and the
 * administrators read the file (what a new file in the user's own profile has, or the
 * protected one-entry DACL td_file_platform_restrict writes). */
gboolean
td_file_is_private (const char *path)
{
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  g_autofree TOKEN_USER *user = current_user ();
  PSECURITY_DESCRIPTOR sd = NULL;
  PACL dacl = NULL;
  SID_IDENTIFIER_AUTHORITY nt = SECURITY_NT_AUTHORITY;
  PSID system = NULL, admins = NULL;
  const ACCESS_MASK reads = GENERIC_READ | GENERIC_ALL | FILE_READ_DATA;
  gboolean private_to_user;

  if (wpath == NULL || user == NULL
      || GetNamedSecurityInfoW ((LPCWSTR) wpath, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, NULL,
                                NULL, &dacl, NULL, &sd) != ERROR_SUCCESS)
    return FALSE;
  /* A NULL DACL lets everyone in. */
  private_to_user = dacl != NULL
                    && AllocateAndInitializeSid (&nt, 1, SECURITY_LOCAL_SYSTEM_RID, 0, 0, 0, 0, 0,
                                                 0, 0, &system)
                    && AllocateAndInitializeSid (&nt, 2, SECURITY_BUILTIN_DOMAIN_RID,
                                                 DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0,
                                                 &admins);
  for (DWORD i = 0; private_to_user && i < dacl->AceCount; i++)
    {
      ACCESS_ALLOWED_ACE *ace = NULL;
      PSID sid;

      if (!GetAce (dacl, i, (void **) &ace))
        private_to_user = FALSE;
      else if (ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE
               && !(ace->Header.AceFlags & INHERIT_ONLY_ACE) && (ace->Mask & reads) != 0)
        {
          sid = (PSID) &ace->SidStart;
          private_to_user = EqualSid (sid, user->User.Sid) || EqualSid (sid, system)
                            || EqualSid (sid, admins);
        }
    }
  if (system != NULL)
    FreeSid (system);
  if (admins != NULL)
    FreeSid (admins);
  LocalFree (sd);
  return private_to_user;
}

/* A protected DACL with one entry: full control for the current user.  *@was_open is TRUE
 * only when others could read the file and now cannot (read back, so that nobody is told a
 * file was made private when the file system did not keep it). */
gboolean
td_file_platform_restrict (const char *path, gboolean *was_open, GError **error)
{
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  g_autofree TOKEN_USER *user = current_user ();
  EXPLICIT_ACCESS_W access = { 0 };
  PACL acl = NULL;
  DWORD rc = ERROR_INVALID_PARAMETER;

  if (was_open != NULL)
    *was_open = FALSE;
  if (td_file_is_private (path))
    return TRUE;
  if (wpath != NULL && user != NULL)
    {
      access.grfAccessPermissions = GENERIC_ALL;
      access.grfAccessMode = SET_ACCESS;
      access.grfInheritance = NO_INHERITANCE;
      access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
      access.Trustee.TrusteeType = TRUSTEE_IS_USER;
      access.Trustee.ptstrName = (LPWSTR) user->User.Sid;
      rc = SetEntriesInAclW (1, &access, NULL, &acl);
      if (rc == ERROR_SUCCESS)
        rc = SetNamedSecurityInfoW ((LPWSTR) wpath, SE_FILE_OBJECT,
                                    DACL_SECURITY_INFORMATION
                                      | PROTECTED_DACL_SECURITY_INFORMATION,
                                    NULL, NULL, acl, NULL);
      if (acl != NULL)
        LocalFree (acl);
    }
  /* FAT32 or exFAT: nothing can be restricted, and refusing to write there would leave a
   * user with a USB stick unable to export anything.  (Asked only now: Wine prints a line on
   * stderr when asked about its Z: drive.) */
  if (rc != ERROR_SUCCESS && wpath != NULL && !volume_keeps_acls (wpath))
    return TRUE;
  if (rc != ERROR_SUCCESS)
    {
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_FAILED,
                   _("Cannot make %s readable by you only (Windows error %lu)."), path,
                   (unsigned long) rc);
      return FALSE;
    }
  if (was_open != NULL)
    *was_open = td_file_is_private (path);
  return TRUE;
}

char *
td_platform_locale_dir (void)
{
  g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);

  return g_build_filename (base, "share", "locale", NULL);
}

#else

gssize
td_file_platform_write (int fd, const void *data, gsize len)
{
  return write (fd, data, len);
}

int
td_file_platform_sync (int fd)
{
  return fsync (fd);
}

gboolean
td_file_platform_replace (const char *temp, const char *path, GError **error)
{
  if (g_rename (temp, path) == 0)
    return TRUE;
  td_file_set_error_from_errno (error, path, errno);
  return FALSE;
}

gboolean
td_file_platform_restrict (const char *path, gboolean *was_open, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      td_file_set_error_from_errno (error, path, errno);
      return FALSE;
    }
  if (was_open != NULL)
    *was_open = (st.st_mode & 077) != 0;
  if ((st.st_mode & 077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
    {
      td_file_set_error_from_errno (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_file_is_private (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & 0777) == 0600;
}

char *
td_platform_locale_dir (void)
{
  return NULL;
}

#endif
