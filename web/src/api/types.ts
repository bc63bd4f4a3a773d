import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Me = Json<paths['/api/auth/me']['get']['responses'][200]>;
export type CurrentUser = Me['user'];
export type Role = CurrentUser['role'];
export type Region = Json<paths['/api/regions/roots']['get']['responses'][200]>['items'][number];
export type RegionDetail = Json<paths['/api/regions/{code}']['get']['responses'][200]>;
export type RegionLevel = Region['level'];
export type RegionPage = Json<paths['/api/regions']['get']['responses'][200]>;
export type User = Json<paths['/api/users/{id}']['get']['responses'][200]>;
export type UserPage = Json<paths['/api/users']['get']['responses'][200]>;
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export type CreateUserBody = paths['/api/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserBody = paths['/api/users/{id}']['patch']['requestBody']['content']['application/json'];
export type UpdateRegionBody = paths['/api/regions/{code}']['patch']['requestBody']['content']['application/json'];
export type SuccessionBody = paths['/api/regions/events']['post']['requestBody']['content']['application/json'];
export type HistoricRegionBody = paths['/api/regions/historic']['post']['requestBody']['content']['application/json'];
export type RenameBody = paths['/api/regions/{code}/rename']['post']['requestBody']['content']['application/json'];
export type LoadReport = Json<paths['/api/regions/load']['post']['responses'][200]>;
export type DivisionChoice = Json<paths['/api/regions/divisions']['get']['responses'][200]>['items'][number];
export type RegionHistory = Json<paths['/api/regions/{code}/history']['get']['responses'][200]>;
export type AuditPage = Json<paths['/api/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Query<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Unit = Json<paths['/api/units/{id}']['get']['responses'][200]>;
export type UnitPage = Json<paths['/api/units']['get']['responses'][200]>;
export type UnitQuery = Query<paths['/api/units']['get']>;
export type CreateUnitBody = Body<paths['/api/units']['post']>;
export type UpdateUnitBody = Body<paths['/api/units/{id}']['patch']>;
export type UnitKind = Unit['kind'];
export type UnitLevel = Unit['level'];
export type Branch = Json<paths['/api/branches/{id}']['get']['responses'][200]>;
export type BranchPage = Json<paths['/api/branches']['get']['responses'][200]>;
export type BranchQuery = Query<paths['/api/branches']['get']>;
export type CreateBranchBody = Body<paths['/api/branches']['post']>;

export type Cadre = Json<paths['/api/cadres/{id}']['get']['responses'][200]>;
export type CadrePage = Json<paths['/api/cadres']['get']['responses'][200]>;
export type CadreQuery = Query<paths['/api/cadres']['get']>;
export type CreateCadreBody = Body<paths['/api/cadres']['post']>;
export type UpdateCadreBody = Body<paths['/api/cadres/{id}']['patch']>;
export type CadreRank = Cadre['rank'];
export type BranchRole = NonNullable<Cadre['branchRole']>;

export type Household = Json<paths['/api/households/{id}']['get']['responses'][200]>;
export type HouseholdPage = Json<paths['/api/households']['get']['responses'][200]>;
export type HouseholdListItem = HouseholdPage['items'][number];
export type HouseholdQuery = Query<paths['/api/households']['get']>;
export type HouseholdSort = NonNullable<HouseholdQuery['sort']>;
export type HouseholdStatus = Household['status'];
export type Housing = Household['housing'];
export type CreateHouseholdBody = Body<paths['/api/households']['post']>;
export type UpdateHouseholdBody = Body<paths['/api/households/{id}']['patch']>;
export type HouseholdStatusBody = Body<paths['/api/households/{id}/status']['post']>;
export type PersonalData = Json<paths['/api/households/{id}/personal']['get']['responses'][200]>;
export type Member = Household['members'][number];
export type Relation = Member['relation'];
export type Health = NonNullable<Member['health']>;
export type Education = NonNullable<Member['education']>;
export type Schooling = NonNullable<Member['schooling']>;
export type LabourAbility = NonNullable<Member['labourAbility']>;
export type MemberStatus = Member['status'];
export type CreateMemberBody = Body<paths['/api/households/{id}/members']['post']>;
export type UpdateMemberBody = Body<paths['/api/members/{id}']['patch']>;
export type MemberStatusBody = Body<paths['/api/members/{id}/status']['post']>;
export type Income = Json<paths['/api/households/{id}/incomes/{year}']['put']['responses'][200]>;
export type IncomeItem = Income['items'][number];
export type PutIncomeBody = Body<paths['/api/households/{id}/incomes/{year}']['put']>;
export type TimelineEvent = Json<paths['/api/households/{id}/timeline']['get']['responses'][200]>['items'][number];
export type CatalogEntry = Json<paths['/api/households/catalog']['get']['responses'][200]>['items'][number];

export type SurveyForm = Json<paths['/api/surveys/forms/{id}']['get']['responses'][200]>;
export type SurveyFormListItem = Json<paths['/api/surveys/forms']['get']['responses'][200]>['items'][number];
export type SurveySection = SurveyForm['sections'][number];
export type SurveyItem = SurveySection['items'][number];
export type SurveyAnswer = Json<paths['/api/households/{id}/surveys/{formId}/{year}']['put']['responses'][200]>;
export type SurveyTemplate = Json<paths['/api/surveys/templates']['get']['responses'][200]>['items'][number];
export type SurveyTemplateKey = NonNullable<Body<paths['/api/surveys/forms']['post']>['fromTemplate']>;

export type ImportJob = Json<paths['/api/imports/{id}']['get']['responses'][200]>;
export type ImportKind = ImportJob['kind'];
export type ImportStatus = ImportJob['status'];
export type ImportMode = Body<paths['/api/imports/{id}/apply']['post']>['mode'];
